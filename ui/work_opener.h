#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "document.h"
#include "image_decoder.h"
#include "layer_loader.h"

class QWidget;

namespace depthstyle::ui {

class DisplayCache;
class RenderActivity;
class DocumentController;
class NotificationBar;

// File › Open Work: a saved set (File › Save Work, or any Export All folder)
// back into the window: its images (the originals the sidecar names where
// they still exist, else the set's own content.png, style.png, style-N.png
// as used), every parameter, the painted layers and the depth map file. The
// images decode off the window's thread; the document changes once, as one
// undo step, when all of them are in. A file that cannot be used is named
// and nothing changes.
class WorkOpener : public QObject {
    Q_OBJECT
public:
    WorkOpener(DocumentController& controller, NotificationBar& notification,
               DisplayCache& displays, std::shared_ptr<RenderActivity> activity,
               QWidget* dialogParent);

    void choose();
    // A set's folder or its depthstyle.json. False when the sidecar itself
    // cannot be used (the message says why); the images follow.
    bool open(const QString& setOrSidecar);
    bool waitForOpen(int timeoutMs);  // tests

Q_SIGNALS:
    void opened(bool ok);

private:
    void onDecoded(const DecodedImage& decoded);
    void onLayers(quint64 open, const doc::Parameters& loaded, const QString& error);
    void finishIfDone();
    void fail(const QString& message);

    DocumentController& controller_;
    NotificationBar& notification_;
    DisplayCache& displays_;
    QWidget* dialogParent_;
    ImageDecoder decoder_;
    LayerLoader layers_;
    // The open in progress: the document being built, and which image
    // (0 content, 1 + i style i) each ticket is.
    std::optional<doc::Document> building_;
    QHash<quint64, int> pending_;
    QString name_;
    quint64 open_ = 0;  // which open the layers being read are for
    bool layersPending_ = false;
    quint64 nextTicket_ = 1;
};

}  // namespace depthstyle::ui
