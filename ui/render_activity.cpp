#include "render_activity.h"

#include <QMutexLocker>

namespace depthstyle::ui {
namespace {

// How often a waiting measurement looks at its stop flag.
constexpr unsigned long kStopPollMs = 50;

}  // namespace

RenderActivity::Rendering::Rendering(RenderActivity& activity) : activity_(activity) {
    const QMutexLocker lock(&activity_.mutex_);
    ++activity_.running_;
    ++activity_.started_;
}

RenderActivity::Rendering::~Rendering() {
    const QMutexLocker lock(&activity_.mutex_);
    if (--activity_.running_ == 0) {
        activity_.idle_.wakeAll();
    }
}

bool RenderActivity::rendering() const {
    const QMutexLocker lock(&mutex_);
    return running_ > 0;
}

quint64 RenderActivity::rendersStarted() const {
    const QMutexLocker lock(&mutex_);
    return started_;
}

int RenderActivity::waitingMeasurements() const {
    const QMutexLocker lock(&mutex_);
    return waiting_;
}

MeasurementTurns measurementTurns(std::shared_ptr<RenderActivity> activity,
                                  const std::atomic<bool>& stop) {
    // The renders started when the step's turn came.
    auto seen = std::make_shared<quint64>(0);
    MeasurementTurns turns;
    turns.stop = &stop;
    turns.await = [activity, seen, &stop] {
        QMutexLocker lock(&activity->mutex_);
        ++activity->waiting_;
        while (activity->running_ > 0 && !stop.load()) {
            activity->idle_.wait(&activity->mutex_, kStopPollMs);
        }
        --activity->waiting_;
        *seen = activity->started_;
        return !stop.load();
    };
    turns.disturbed = [activity, seen] {
        const QMutexLocker lock(&activity->mutex_);
        return activity->running_ > 0 || activity->started_ != *seen;
    };
    return turns;
}

}  // namespace depthstyle::ui
