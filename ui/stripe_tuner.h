#pragma once

#include <QObject>

#include "background_measurement.h"

namespace depthstyle::ui {

class RenderService;

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

    // A measurement is under way (or waiting for its turn).
    bool measuring() const { return measurement_.busy(); }
    // Waits for a measurement under way (tests).
    bool waitForIdle(int timeoutMs) { return measurement_.waitForIdle(timeoutMs); }

private:
    void previewFinished();

    bool measuring_ = false;             // once per start
    BackgroundMeasurement measurement_;  // last: stopped before the rest goes
};

}  // namespace depthstyle::ui
