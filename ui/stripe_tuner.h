#pragma once

#include <QObject>
#include <atomic>
#include <memory>

#include "worker_threads.h"

namespace depthstyle::ui {

class RenderActivity;
class RenderService;
class SharedModels;

// Gives the app's renders this processor's measured stripe size
// (depthstyle/stripe_tuning.h): the remembered choice at once; where none is
// remembered, it is measured once on a thread of its own after the first
// result has been shown, so that it never delays the first picture. Each of
// its passes waits while the app renders, and a pass a render interrupted
// is timed again (depthstyle/measurement_turns.h); closing stops it.
// Nothing is measured where it could not be remembered.
class StripeTuner : public QObject {
    Q_OBJECT
public:
    explicit StripeTuner(RenderService& service, QObject* parent = nullptr);
    ~StripeTuner() override;

    // A measurement is under way (or waiting for its turn).
    bool measuring() const { return threads_.busy(); }
    // Waits for a measurement under way (tests).
    bool waitForIdle(int timeoutMs) { return threads_.waitForIdle(timeoutMs); }

private:
    void previewFinished();

    SharedModels& models_;
    std::shared_ptr<RenderActivity> activity_;
    std::atomic<bool> stop_{false};  // closing: read by the measurement
    bool measuring_ = false;         // once per start
    WorkerThreads threads_;          // last: waited for before the rest goes
};

}  // namespace depthstyle::ui
