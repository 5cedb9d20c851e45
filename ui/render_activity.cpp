#include "render_activity.h"

#include <QMutexLocker>
#include <algorithm>

namespace depthstyle::ui {
namespace {

// The longest a waiting measurement goes without looking at its stop flag.
constexpr std::chrono::milliseconds kStopPoll{50};

}  // namespace

RenderActivity::Rendering::Rendering(RenderActivity& activity) : activity_(activity) {
    const QMutexLocker lock(&activity_.mutex_);
    ++activity_.running_;
    ++activity_.started_;
}

RenderActivity::Rendering::~Rendering() {
    const QMutexLocker lock(&activity_.mutex_);
    --activity_.running_;
    activity_.lastEnded_ = Clock::now();
    activity_.changed_.wakeAll();
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

bool RenderActivity::await(const std::atomic<bool>& stop, bool takeTurn, quint64* seen) {
    QMutexLocker lock(&mutex_);
    ++waiting_;
    for (;;) {
        if (stop.load()) {
            --waiting_;
            return false;
        }
        const auto quietFor =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - lastEnded_);
        const bool quiet = running_ == 0 && quietFor >= kQuietAfterRender;
        if (quiet && !(takeTurn && turnTaken_)) {
            break;
        }
        // Until the quiet period is over; else until a change (a render's
        // end, a turn given back) or the next look at `stop`.
        const auto wait =
            running_ == 0 && !quiet ? std::min(kStopPoll, kQuietAfterRender - quietFor) : kStopPoll;
        changed_.wait(&mutex_, static_cast<unsigned long>(std::max<qint64>(1, wait.count())));
    }
    --waiting_;
    if (takeTurn) {
        turnTaken_ = true;
        *seen = started_;
    }
    return true;
}

void RenderActivity::giveTurnBack() {
    const QMutexLocker lock(&mutex_);
    turnTaken_ = false;
    changed_.wakeAll();
}

bool RenderActivity::disturbedSince(quint64 seen) const {
    const QMutexLocker lock(&mutex_);
    return running_ > 0 || started_ != seen;
}

MeasurementTurns measurementTurns(std::shared_ptr<RenderActivity> activity,
                                  const std::atomic<bool>& stop) {
    // The renders started when the step's turn came.
    auto seen = std::make_shared<quint64>(0);
    MeasurementTurns turns;
    turns.stop = &stop;
    turns.await = [activity, seen, &stop] { return activity->takeTurn(stop, *seen); };
    turns.release = [activity] { activity->giveTurnBack(); };
    turns.disturbed = [activity, seen] { return activity->disturbedSince(*seen); };
    return turns;
}

}  // namespace depthstyle::ui
