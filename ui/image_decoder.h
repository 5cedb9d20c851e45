#pragma once

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "depthstyle/image.h"

namespace depthstyle::ui {

// One image decoded off the window's thread: the engine's image, a
// screen-sized picture for the panes, or the reason it is not usable.
struct DecodedImage {
    quint64 ticket = 0;
    QString path;   // empty for a pasted image
    QString label;  // file name, or "pasted image"
    std::shared_ptr<const Image> image;
    QImage display;  // at most kPreviewProxySide a side
    QString error;   // names the file and the reason; empty on success
    QSize mapSize;   // a depth map's size (checkDepthMap)
    bool ok() const { return error.isEmpty(); }
};

class RenderActivity;

// Decodes files and clipboard pictures on its own thread, one at a time, in
// the order asked, and checks each against the pixel limits of the size it
// will be used at. Results arrive through decoded() on the asking thread.
// Each decode counts as work on `activity` (when given), so that no
// measurement of the machine's speed runs beside it.
class ImageDecoder : public QObject {
    Q_OBJECT
public:
    explicit ImageDecoder(std::shared_ptr<RenderActivity> activity = nullptr,
                          QObject* parent = nullptr);
    ~ImageDecoder() override;

    // `smallerSide`: the content or style size the image will be scaled to
    // (0: its own size), for the limit check.
    void decodeFile(quint64 ticket, const QString& path, int smallerSide);
    void decodePicture(quint64 ticket, const QImage& picture, const QString& label,
                       int smallerSide);
    // A depth map: only read to check it (the render reads it again); its
    // size comes back, no image.
    void checkDepthMap(quint64 ticket, const QString& path);
    // Waits until every decode asked for so far has been reported (tests).
    bool waitForIdle(int timeoutMs);

Q_SIGNALS:
    void decoded(const depthstyle::ui::DecodedImage& result);

private:
    class Worker;
    std::shared_ptr<std::atomic<bool>> stopping_;  // the window is closing: skip queued work
    QThread thread_;
    Worker* worker_;
    int pending_ = 0;
};

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::DecodedImage)
