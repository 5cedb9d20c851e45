#include "lane_gate.h"

#include <QMutexLocker>

namespace depthstyle::ui {

void LaneGate::setPreviewBusy(bool busy) {
    const QMutexLocker lock(&mutex_);
    previewBusy_ = busy;
    if (!busy) {
        idle_.wakeAll();
    }
}

void LaneGate::waitForPreview(const std::atomic<bool>& stop) {
    QMutexLocker lock(&mutex_);
    while (previewBusy_ && !stop.load()) {
        idle_.wait(&mutex_, 100);
    }
}

void LaneGate::wakeAll() {
    const QMutexLocker lock(&mutex_);
    idle_.wakeAll();
}

}  // namespace depthstyle::ui
