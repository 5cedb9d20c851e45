#pragma once

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
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
    bool ok() const { return error.isEmpty(); }
};

// Decodes files and clipboard pictures on its own thread, one at a time, in
// the order asked, and checks each against the pixel limits of the size it
// will be used at. Results arrive through decoded() on the asking thread.
class ImageDecoder : public QObject {
    Q_OBJECT
public:
    explicit ImageDecoder(QObject* parent = nullptr);
    ~ImageDecoder() override;

    // `smallerSide`: the content or style size the image will be scaled to
    // (0: its own size), for the limit check.
    void decodeFile(quint64 ticket, const QString& path, int smallerSide);
    void decodePicture(quint64 ticket, const QImage& picture, const QString& label,
                       int smallerSide);
    // A depth map: only checked (the render reads it); no image comes back.
    // A map whose aspect ratio differs from `contentSize` (when valid) by more
    // than 1% is refused: it would be stretched over the photo.
    void checkDepthMap(quint64 ticket, const QString& path, const QSize& contentSize);
    // Waits until every decode asked for so far has been reported (tests).
    bool waitForIdle(int timeoutMs);

Q_SIGNALS:
    void decoded(const depthstyle::ui::DecodedImage& result);

private:
    class Worker;
    QThread thread_;
    Worker* worker_;
    int pending_ = 0;
};

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::DecodedImage)
