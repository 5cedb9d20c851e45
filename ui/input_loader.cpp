#include "input_loader.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <cmath>

#include "display_cache.h"
#include "document_controller.h"
#include "notification_bar.h"
#include "recent_places.h"

namespace depthstyle::ui {

InputLoader::InputLoader(DocumentController& controller, NotificationBar& notification,
                         DisplayCache& displays, std::shared_ptr<RenderActivity> activity,
                         QWidget* dialogParent)
    : QObject(dialogParent),
      controller_(controller),
      notification_(notification),
      displays_(displays),
      dialogParent_(dialogParent),
      decoder_(std::move(activity)) {
    connect(&decoder_, &ImageDecoder::decoded, this, &InputLoader::onDecoded);
}

quint64 InputLoader::begin(Slot slot, const QString& name) {
    const quint64 ticket = nextTicket_++;
    latest_[static_cast<int>(slot)] = ticket;
    requests_.insert(ticket, {slot, name});
    openingText_ = tr("Opening %1…").arg(name);
    notification_.showInfo(openingText_);
    return ticket;
}

InputLoader::Slot InputLoader::slotOf(ImageRole role) {
    switch (role) {
        case ImageRole::Content:
            return Slot::Content;
        case ImageRole::AddedStyle:
            return Slot::AddedStyle;
        case ImageRole::Style:
            break;
    }
    return Slot::Style;
}

void InputLoader::open(const QString& path, ImageRole role) {
    const bool content = role == ImageRole::Content;
    const doc::Parameters& p = controller_.document().parameters;
    const quint64 ticket = begin(slotOf(role), QFileInfo(path).fileName());
    decoder_.decodeFile(ticket, path, content ? p.contentSize : p.styleSize);
}

void InputLoader::openDepthMap(const QString& path) {
    decoder_.checkDepthMap(begin(Slot::Depth, QFileInfo(path).fileName()), path);
}

QString InputLoader::shapeMismatch(const DecodedImage& map) const {
    // Against the photo in the document now, not when the map was asked for.
    const doc::ImageInput& content = controller_.document().content;
    if (content.empty() || map.mapSize.isEmpty()) {
        return {};
    }
    const double a = double(map.mapSize.width()) / map.mapSize.height();
    const double b = double(content.image->width()) / content.image->height();
    if (std::abs(a - b) <= 0.01 * b) {
        return {};
    }
    return tr("'%1': the depth map is %2×%3 pixels and the photo %4×%5: their shapes differ, "
              "so the map would be stretched. Choose the map made for this photo.")
        .arg(map.path)
        .arg(map.mapSize.width())
        .arg(map.mapSize.height())
        .arg(content.image->width())
        .arg(content.image->height());
}

void InputLoader::onDecoded(const DecodedImage& decoded) {
    const auto it = requests_.constFind(decoded.ticket);
    if (it == requests_.constEnd()) {
        return;
    }
    const Slot slot = it->slot;
    requests_.erase(it);
    if (decoded.ticket != latest_[static_cast<int>(slot)]) {
        return;  // a newer load of the same role came after it
    }
    const QString error =
        !decoded.ok() ? decoded.error : (slot == Slot::Depth ? shapeMismatch(decoded) : QString());
    if (!error.isEmpty()) {
        notification_.showError(error);
        Q_EMIT loadFinished(decoded.path, false);
        return;
    }
    if (requests_.isEmpty() && notification_.text() == openingText_) {
        notification_.hide();  // only our own "Opening…", never another message
    }
    apply(slot, decoded);
    Q_EMIT loadFinished(decoded.path, true);
}

void InputLoader::apply(Slot slot, const DecodedImage& decoded) {
    const QString& path = decoded.path;
    if (slot == Slot::Depth) {
        rememberFolder("depth", path);
        controller_.useDepthMap(path, decoded.label);
        return;
    }
    const bool content = slot == Slot::Content;
    const doc::ImageInput input{decoded.image, decoded.label, controller_.nextImageId()};
    displays_.insert(input.id, decoded.display);
    if (slot == Slot::AddedStyle) {
        controller_.addStyle(input, path);
        if (!path.isEmpty()) {
            addRecentFile("recent/style", path);
            rememberFolder("style", path);
        }
        return;
    }
    const QString depthMap = QFileInfo(controller_.document().parameters.depthPath).fileName();
    const bool dropsDepthMap =
        controller_.setImage(content ? ImageRole::Content : ImageRole::Style, input, path);
    if (dropsDepthMap) {
        notification_.showInfo(tr("The depth map %1 was made for the previous photo: the depth "
                                  "now comes from MiDaS. Undo brings both back.")
                                   .arg(depthMap));
    }
    if (!path.isEmpty()) {
        addRecentFile(content ? "recent/content" : "recent/style", path);
        rememberFolder(content ? "content" : "style", path);
    }
}

bool InputLoader::waitForLoads(int timeoutMs) {
    return decoder_.waitForIdle(timeoutMs);
}

void InputLoader::chooseAndOpen(ImageRole role) {
    const bool content = role == ImageRole::Content;
    const QString path = QFileDialog::getOpenFileName(
        dialogParent_,
        content ? tr("Open Content Image")
                : (role == ImageRole::AddedStyle ? tr("Add Style Image") : tr("Open Style Image")),
        lastFolder(content ? "content" : "style"), imageFileFilter());
    if (!path.isEmpty()) {
        open(path, role);
    }
}

void InputLoader::chooseDepthMap() {
    const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Open Depth Map"),
                                                      lastFolder("depth"), imageFileFilter());
    if (!path.isEmpty()) {
        openDepthMap(path);
    }
}

void InputLoader::paste(ImageRole role) {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (mime != nullptr && mime->hasUrls() && mime->urls().constFirst().isLocalFile()) {
        open(mime->urls().constFirst().toLocalFile(), role);
        return;
    }
    const QImage image = QApplication::clipboard()->image();
    if (image.isNull()) {
        notification_.showError(tr("The clipboard holds no image."));
        return;
    }
    const bool content = role == ImageRole::Content;
    const doc::Parameters& p = controller_.document().parameters;
    const QString label = tr("pasted image");
    decoder_.decodePicture(begin(slotOf(role), label), image, label,
                           content ? p.contentSize : p.styleSize);
}

void InputLoader::dropOnPane(const QStringList& paths, ImageRole role) {
    open(paths.constFirst(), role);
}

void InputLoader::dropOnResult(const QStringList& paths, QWidget* pane, const QPoint& position) {
    QMenu menu(dialogParent_);
    const QAction* content = menu.addAction(tr("Use as Content"));
    menu.addAction(tr("Use as Style"));
    const QAction* chosen = menu.exec(pane->mapToGlobal(position));
    if (chosen != nullptr) {
        open(paths.constFirst(), chosen == content ? ImageRole::Content : ImageRole::Style);
    }
}

}  // namespace depthstyle::ui
