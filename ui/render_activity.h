#pragma once

#include <QMutex>
#include <QWaitCondition>
#include <QtGlobal>
#include <atomic>
#include <chrono>
#include <memory>

#include "depthstyle/measurement_turns.h"

namespace depthstyle::ui {

// Whether the app is rendering (the render service's lanes) or decoding an
// image (ImageDecoder), for the measurements of this machine's speed that
// must not run beside such work (it would be slowed by them and they skewed
// by it) nor beside each other (depthstyle/measurement_turns.h). Shared (a
// shared pointer) between the workers and the measurements, which the
// window stops before the render service goes.
class RenderActivity {
public:
    // How long after the last render a measurement may start a step: the
    // gaps between the renders of a slider drag are shorter.
    static constexpr std::chrono::milliseconds kQuietAfterRender{500};

    // Marks one unit of work (a preview, a cell, an export, an image
    // decode) for its lifetime.
    class Rendering {
    public:
        explicit Rendering(RenderActivity& activity);
        ~Rendering();
        Rendering(const Rendering&) = delete;
        Rendering& operator=(const Rendering&) = delete;

    private:
        RenderActivity& activity_;
    };

    bool rendering() const;
    quint64 rendersStarted() const;
    // Measurements waiting for their turn now.
    int waitingMeasurements() const;

    // Waits until no render runs or ran in the last kQuietAfterRender;
    // false when `stop` is set first.
    bool awaitQuiet(const std::atomic<bool>& stop) { return await(stop, false, nullptr); }
    // The same, and until no other measurement holds the turn, then takes
    // it and sets `seen` to rendersStarted(); false (nothing taken) when
    // `stop` is set first. A turn taken is given back with giveTurnBack().
    bool takeTurn(const std::atomic<bool>& stop, quint64& seen) { return await(stop, true, &seen); }
    void giveTurnBack();
    // A render runs, or one started since `seen`.
    bool disturbedSince(quint64 seen) const;

private:
    using Clock = std::chrono::steady_clock;
    bool await(const std::atomic<bool>& stop, bool takeTurn, quint64* seen);

    mutable QMutex mutex_;
    QWaitCondition changed_;
    int running_ = 0;
    quint64 started_ = 0;
    Clock::time_point lastEnded_{};
    int waiting_ = 0;
    bool turnTaken_ = false;
};

// Turns for a measurement over `activity`: each step waits for a quiet
// moment and for the turn (one measurement step at a time), is timed again
// when a render started meanwhile, and the measurement stops once `stop` is
// set (which must outlive the measurement).
MeasurementTurns measurementTurns(std::shared_ptr<RenderActivity> activity,
                                  const std::atomic<bool>& stop);

}  // namespace depthstyle::ui
