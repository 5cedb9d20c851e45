#include "work_opener.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include "depthstyle/engine_error.h"
#include "display_cache.h"
#include "document_controller.h"
#include "error_text.h"
#include "export_bundle.h"
#include "notification_bar.h"
#include "recent_places.h"
#include "sidecar.h"

namespace depthstyle::ui {

WorkOpener::WorkOpener(DocumentController& controller, NotificationBar& notification,
                       DisplayCache& displays, std::shared_ptr<RenderActivity> activity,
                       QWidget* dialogParent)
    : QObject(dialogParent),
      controller_(controller),
      notification_(notification),
      displays_(displays),
      dialogParent_(dialogParent),
      decoder_(std::move(activity)) {
    connect(&decoder_, &ImageDecoder::decoded, this, &WorkOpener::onDecoded);
}

void WorkOpener::choose() {
    const QString path = QFileDialog::getOpenFileName(
        dialogParent_, tr("Open Work"), lastFolder("export"), tr("DepthStyle sidecar (*.json)"));
    if (!path.isEmpty()) {
        open(path);
    }
}

namespace {

// The original if it is still there, else the set's own copy as used.
QString existingOr(const QString& original, const QString& inSet) {
    return !original.isEmpty() && QFileInfo(original).isFile() ? original : inSet;
}

}  // namespace

bool WorkOpener::open(const QString& setOrSidecar) {
    const QString sidecarPath = QFileInfo(setOrSidecar).isDir()
                                    ? QDir(setOrSidecar).filePath(doc::kSidecarFileName)
                                    : setOrSidecar;
    const QDir set = QFileInfo(sidecarPath).absoluteDir();
    doc::Document d;
    QStringList images;
    try {
        const doc::Sidecar sidecar = doc::readSidecar(sidecarPath);
        d.parameters = sidecar.workingParameters();
        images << existingOr(sidecar.contentPath, set.filePath("content.png"))
               << existingOr(sidecar.stylePath, set.filePath(doc::exportedStyleName(0)));
        for (int i = 0; i < sidecar.moreStylePaths.size(); ++i) {
            images << existingOr(sidecar.moreStylePaths[i],
                                 set.filePath(doc::exportedStyleName(size_t(i + 1))));
        }
    } catch (const EngineError& e) {
        notification_.showError(errorText(e));
        Q_EMIT opened(false);
        return false;
    }
    if (d.parameters.depthFromFile && !QFileInfo(d.parameters.depthPath).isFile()) {
        d.parameters.depthFromFile = false;  // the map is gone: MiDaS again
    }
    building_ = d;
    building_->contentPath = images[0];
    building_->stylePath = images[1];
    building_->moreStylePaths = images.mid(2);
    building_->moreStyles.resize(size_t(images.size() - 2));
    pending_.clear();
    name_ = set.dirName();
    ++open_;
    // The painted layers (picture-sized files) read on a thread of their own.
    layersPending_ =
        !d.parameters.depthEditPath.isEmpty() || !d.parameters.strengthOverridePath.isEmpty();
    if (layersPending_) {
        layers_.load(d.parameters,
                     [this, open = open_](const doc::Parameters& loaded, const QString& error) {
                         onLayers(open, loaded, error);
                     });
    }
    notification_.showInfo(tr("Opening %1…").arg(name_));
    for (int i = 0; i < images.size(); ++i) {
        const quint64 ticket = nextTicket_++;
        pending_.insert(ticket, i);
        decoder_.decodeFile(ticket, images[i],
                            i == 0 ? d.parameters.contentSize : d.parameters.styleSize);
    }
    return true;
}

void WorkOpener::onDecoded(const DecodedImage& decoded) {
    const auto it = pending_.constFind(decoded.ticket);
    if (it == pending_.constEnd() || !building_) {
        return;  // an earlier open's
    }
    const int index = *it;
    pending_.erase(it);
    if (!decoded.ok()) {
        fail(decoded.error);
        return;
    }
    const doc::ImageInput input{decoded.image, decoded.label, controller_.nextImageId()};
    displays_.insert(input.id, decoded.display);
    if (index == 0) {
        building_->content = input;
    } else if (index == 1) {
        building_->style = input;
    } else {
        building_->moreStyles[size_t(index - 2)] = input;
    }
    finishIfDone();
}

void WorkOpener::onLayers(quint64 open, const doc::Parameters& loaded, const QString& error) {
    if (open != open_ || !building_) {
        return;  // an earlier open's, or this one failed already
    }
    layersPending_ = false;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    building_->parameters.depthEdit = loaded.depthEdit;
    building_->parameters.strengthOverride = loaded.strengthOverride;
    finishIfDone();
}

void WorkOpener::finishIfDone() {
    if (!building_ || !pending_.isEmpty() || layersPending_) {
        return;
    }
    doc::Document d = std::move(*building_);
    building_.reset();
    notification_.hide();
    controller_.openWork(d, name_);
    Q_EMIT opened(true);
}

void WorkOpener::fail(const QString& message) {
    building_.reset();
    pending_.clear();
    layersPending_ = false;
    notification_.showError(message);
    Q_EMIT opened(false);
}

bool WorkOpener::waitForOpen(int timeoutMs) {
    return decoder_.waitForIdle(timeoutMs) && layers_.waitForIdle(timeoutMs) && !building_;
}

}  // namespace depthstyle::ui
