#pragma once

#include <QObject>

#include "worker_threads.h"

namespace depthstyle::ui {

class RenderService;
class SharedModels;

// Gives the app's renders this processor's measured stripe size
// (depthstyle/stripe_tuning.h): the remembered choice at once; where none is
// remembered, it is measured once on a thread of its own after the first
// result has been shown, so that it never delays the first picture. A
// measurement during which the app rendered is not kept (measured at the
// next start); nothing is measured where it could not be remembered.
class StripeTuner : public QObject {
    Q_OBJECT
public:
    StripeTuner(SharedModels& models, RenderService& service, QObject* parent = nullptr);

    // Waits for a measurement under way (tests).
    bool waitForIdle(int timeoutMs) { return threads_.waitForIdle(timeoutMs); }

private:
    void previewFinished();

    SharedModels& models_;
    WorkerThreads threads_;
    bool measuring_ = false;  // once per start
    bool disturbed_ = false;  // a render ran during the measurement
};

}  // namespace depthstyle::ui
