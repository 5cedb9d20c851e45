#pragma once

#include <QImage>
#include <QMetaType>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <optional>

#include "depthstyle/image.h"
#include "depthstyle/strength_map.h"

namespace depthstyle::ui {

// What the live preview of one slider move needs: the new strength
// settings, the last exact result's proximity (content size, as the depth
// source gave it), and the two cached anchor decodes (a proxy of the
// picture; empty: strength map only). `target` is the size to draw at,
// about the pane on screen.
struct LiveBlendRequest {
    quint64 generation = 0;
    qint64 inputTimeMs = 0;
    StrengthSettings settings;
    cv::Mat proximity;
    cv::Size picture;
    Image proxyStyle;
    Image proxyContent;
    cv::Size target;
};

// The live preview's pictures, at the request's target size.
struct LiveBlend {
    quint64 generation = 0;
    qint64 inputTimeMs = 0;
    QImage strength;
    QImage result;  // null when the request had no anchors
    // When the levels or the depth edit changed: the proximity Algorithm 1
    // reads, as a picture, and on the feature grid (for the chart).
    QImage depth;
    cv::Mat gridProximity;
};

// Computes the live preview (strength map P, the pixel-space blend of the
// anchors, both as pictures) on its own thread, so the window never waits
// for it; the newest request wins. The anchors, scaled to the target size,
// are kept between requests.
class LiveBlender : public QThread {
    Q_OBJECT
public:
    explicit LiveBlender(QObject* parent = nullptr);
    ~LiveBlender() override;

    void submit(const LiveBlendRequest& request);

Q_SIGNALS:
    void blended(const depthstyle::ui::LiveBlend& blend);

protected:
    void run() override;

private:
    LiveBlend blend(const LiveBlendRequest& request);

    QMutex mutex_;
    QWaitCondition wake_;
    std::optional<LiveBlendRequest> pending_;
    bool quit_ = false;

    // On the blender's thread only: the anchors at the target size.
    cv::Mat anchorsSource_;  // held, so that its address identifies it
    Image style_;
    Image content_;
    StrengthBasis basis_;  // of the last request's proximity
    DepthLevels levels_;
    SharedPaintLayer depthEdit_;
};

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::LiveBlend)
