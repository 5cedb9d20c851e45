#pragma once

#include <QMutex>
#include <QWaitCondition>
#include <QtGlobal>
#include <atomic>
#include <memory>

#include "depthstyle/measurement_turns.h"

namespace depthstyle::ui {

// Whether the render service's lanes are rendering, for the measurements of
// this machine's speed that must not run beside a render: a render would be
// slowed by them and they skewed by it (depthstyle/measurement_turns.h).
// Held by a shared pointer: a measurement may outlive the service.
class RenderActivity {
public:
    // Marks one lane's unit of work (a preview, a cell, an export) for its
    // lifetime.
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

private:
    friend MeasurementTurns measurementTurns(std::shared_ptr<RenderActivity> activity,
                                             const std::atomic<bool>& stop);

    mutable QMutex mutex_;
    QWaitCondition idle_;
    int running_ = 0;
    quint64 started_ = 0;
    int waiting_ = 0;
};

// Turns for a measurement: each step waits while a render runs, is timed
// again when one started meanwhile, and the measurement stops once `stop`
// is set (which must outlive the measurement).
MeasurementTurns measurementTurns(std::shared_ptr<RenderActivity> activity,
                                  const std::atomic<bool>& stop);

}  // namespace depthstyle::ui
