#pragma once

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

#include "depthstyle/measurement_turns.h"
#include "depthstyle/models.h"
#include "worker_threads.h"

namespace depthstyle::ui {

class RenderActivity;
class RenderService;
class SharedModels;

// A measurement of this machine run in the background of the app: on a
// thread of its own, the networks taken once the app is quiet, each step
// on its turn with the app's work (render_activity.h), the result handed
// back on the owner's thread. Destroying it stops the measurement at its
// next layer and waits for it; so does closing the window, which destroys
// the owners before the render service.
class BackgroundMeasurement : public QObject {
    Q_OBJECT
public:
    // Measures on the worker and returns what to do on the owner's thread
    // afterwards (empty: nothing).
    using Measure =
        std::function<std::function<void()>(const Models& models, const MeasurementTurns& turns)>;

    explicit BackgroundMeasurement(RenderService& service, QObject* parent = nullptr);
    ~BackgroundMeasurement() override;

    // `failed` runs on the owner's thread when the networks could not be
    // had or `measure` threw.
    void start(Measure measure, std::function<void()> failed = {});
    // A measurement is under way (or waiting for its turn).
    bool busy() const { return threads_.busy(); }
    bool waitForIdle(int timeoutMs) { return threads_.waitForIdle(timeoutMs); }

private:
    SharedModels& models_;
    std::shared_ptr<RenderActivity> activity_;
    std::atomic<bool> stop_{false};  // read by the measurement
    WorkerThreads threads_;          // last: waited for before the rest goes
};

}  // namespace depthstyle::ui
