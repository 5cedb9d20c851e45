#include "live_blender.h"

#include <QMutexLocker>
#include <opencv2/imgproc.hpp>

#include "depthstyle/preview_blend.h"
#include "depthstyle/size_policy.h"
#include "image_convert.h"

namespace depthstyle::ui {

LiveBlender::LiveBlender(QObject* parent) : QThread(parent) {
    qRegisterMetaType<depthstyle::ui::LiveBlend>();
}

LiveBlender::~LiveBlender() {
    {
        const QMutexLocker lock(&mutex_);
        quit_ = true;
        wake_.wakeOne();
    }
    wait();
}

void LiveBlender::submit(const LiveBlendRequest& request) {
    const QMutexLocker lock(&mutex_);
    pending_ = request;
    if (!isRunning()) {
        start();
    } else {
        wake_.wakeOne();
    }
}

void LiveBlender::run() {
    for (;;) {
        LiveBlendRequest request;
        {
            QMutexLocker lock(&mutex_);
            while (!pending_ && !quit_) {
                wake_.wait(&mutex_);
            }
            if (quit_) {
                return;
            }
            request = std::move(*pending_);
            pending_.reset();
        }
        try {
            Q_EMIT blended(blend(request));
        } catch (const std::exception&) {
            // No preview for this move (the exact render reports any real
            // problem); the next move tries again.
        }
    }
}

LiveBlend LiveBlender::blend(const LiveBlendRequest& r) {
    LiveBlend out;
    out.generation = r.generation;
    out.inputTimeMs = r.inputTimeMs;
    const bool newProximity = r.proximity.data != basis_.proximity().data;
    if (newProximity) {
        basis_.setProximity(r.proximity);
    }
    const cv::Mat strength = basis_.strength(r.settings);
    // Whenever the map is adjusted (a blend may be dropped as stale, so its
    // depth picture cannot be the only one), and when the levels change.
    const bool adjusted = !r.settings.levels.identity() || r.settings.depthEdit;
    if (newProximity || adjusted || r.settings.levels != levels_ ||
        r.settings.depthEdit != depthEdit_) {
        levels_ = r.settings.levels;
        depthEdit_ = r.settings.depthEdit;
        cv::Mat drawn;
        cv::resize(basis_.adjusted(), drawn, r.target, 0, 0, cv::INTER_AREA);
        out.depth = proximityToQImage(drawn);
        out.gridProximity = basis_.gridProximity();
    }
    out.strength = unitMapToQImage(strengthMapAtImageSize(strength, r.picture, r.target));
    if (r.proxyStyle.empty() || r.proxyContent.empty()) {
        return out;
    }
    // The anchors change with each new content or style, not with a slider.
    if (r.proxyStyle.rgb.data != anchorsSource_.data || style_.rgb.size() != r.target) {
        style_ = resizedImage(r.proxyStyle, r.target);
        content_ = resizedImage(r.proxyContent, r.target);
        anchorsSource_ = r.proxyStyle.rgb;
    }
    out.result = toQImage(previewBlend(style_, content_, strength, r.picture));
    return out;
}

}  // namespace depthstyle::ui
