#include "live_blender.h"

#include <QMutexLocker>

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
    const cv::Mat strength = strengthMap(r.proximityGrid, r.settings);
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
