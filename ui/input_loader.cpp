#include "input_loader.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"
#include "document_controller.h"
#include "image_convert.h"
#include "local_path.h"
#include "notification_bar.h"
#include "recent_places.h"

namespace depthstyle::ui {

InputLoader::InputLoader(DocumentController& controller, NotificationBar& notification,
                         QWidget* dialogParent)
    : QObject(dialogParent),
      controller_(controller),
      notification_(notification),
      dialogParent_(dialogParent) {}

bool InputLoader::open(const QString& path, ImageRole role) {
    const bool content = role == ImageRole::Content;
    try {
        const Image image = loadImage(doc::localPath(path));
        if (!setImage(image, QFileInfo(path).fileName(), path, role)) {
            return false;
        }
    } catch (const EngineError& e) {
        notification_.showError(QString::fromStdString(e.what()));
        return false;
    }
    addRecentFile(content ? "recent/content" : "recent/style", path);
    rememberFolder(content ? "content" : "style", path);
    return true;
}

bool InputLoader::setImage(const Image& image, const QString& label, const QString& path,
                           ImageRole role) {
    const doc::Parameters& p = controller_.document().parameters;
    try {
        // Refuse what the engine would refuse, before anything changes.
        scaleToSmallerSide(image, role == ImageRole::Content ? p.contentSize : p.styleSize,
                           (path.isEmpty() ? label : path).toStdString());
    } catch (const EngineError& e) {
        notification_.showError(QString::fromStdString(e.what()));
        return false;
    }
    notification_.hide();
    controller_.setImage(
        role,
        doc::ImageInput{std::make_shared<const Image>(image), label, controller_.nextImageId()},
        path);
    return true;
}

bool InputLoader::openDepthMap(const QString& path) {
    try {
        loadGrayMap(doc::localPath(path));
    } catch (const EngineError& e) {
        notification_.showError(QString::fromStdString(e.what()));
        return false;
    }
    rememberFolder("depth", path);
    notification_.hide();
    controller_.useDepthMap(path, QFileInfo(path).fileName());
    return true;
}

void InputLoader::chooseAndOpen(ImageRole role) {
    const bool content = role == ImageRole::Content;
    const QString path = QFileDialog::getOpenFileName(
        dialogParent_, content ? tr("Open Content Image") : tr("Open Style Image"),
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
    setImage(fromQImage(image), tr("pasted image"), QString(), role);
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
