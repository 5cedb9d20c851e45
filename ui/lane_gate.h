#pragma once

#include <QMutex>
#include <QWaitCondition>
#include <atomic>

namespace depthstyle::ui {

// Lets the export lane yield to the preview lane: the preview lane marks
// itself busy while it renders, and the export lane, between stripes, waits
// until it is not (or until it is told to stop).
class LaneGate {
public:
    void setPreviewBusy(bool busy);
    // Returns at once when the preview lane is idle or `stop` is set.
    void waitForPreview(const std::atomic<bool>& stop);
    void wakeAll();

private:
    QMutex mutex_;
    QWaitCondition idle_;
    bool previewBusy_ = false;
};

}  // namespace depthstyle::ui
