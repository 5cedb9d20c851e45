#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "depthstyle/progress.h"

namespace depthstyle {

// How a measurement of this machine's speed (stripe_tuning.h,
// decoder_speed.h) shares the processor with the program's renders and
// other measurements. Each timed step waits for its turn, and a step during
// which a render ran is timed again: the measurement neither slows a render
// down nor is skewed by one. With `await`, each step also holds the user's
// cache folder's measuring lock (taken after the turn), so that no other
// program measures beside it, and leaves it free a moment after, so that a
// program waiting for it gets it. Without (a program measuring before its
// own work, the CLI): never waits for turns, never disturbed; `stop` and
// `waitingForOthers` still apply.
struct MeasurementTurns {
    // Blocks until the step may run and takes the turn; false (nothing
    // taken) when the measurement is to stop.
    std::function<bool()> await;
    // Gives a turn `await` took back, however the step ended.
    std::function<void()> release;
    // Whether a render ran since `await` last returned.
    std::function<bool()> disturbed;
    // Read between a step's layers and while waiting: when set, the
    // measurement stops.
    const std::atomic<bool>* stop = nullptr;
    // Called once when a program measuring alone must first wait for
    // another program's measurement (its lock).
    std::function<void()> waitingForOthers;
};

// The lock programs take to measure one at a time: measuring.lock in the
// user's cache folder (empty without one).
std::string measuringLockFile();

// How often one step is timed before the measurement gives up.
inline constexpr int kMeasurementStepTries = 20;

// Runs and times `step` (seconds) on its turn, again while disturbed. The
// Progress it is given carries `turns.stop`, and ends the step at its next
// layer once a render has started (the step is then timed again). Throws EngineError(Cancelled)
// when stopped, or when every one of kMeasurementStepTries was disturbed:
// the measurement is then not taken (nor remembered).
double timeOnTurn(const MeasurementTurns& turns, const std::function<void(const Progress&)>& step);

// Writes a measurement's result into the cache (`remember`: the file is
// read, merged and renamed) under the measuring lock where the measurement
// ran on turns, between whose steps no lock is held, so that a line another
// program writes meanwhile is not lost; measuring alone, the caller holds
// the lock already (where there is one) and `remember` runs at once. False,
// nothing written, when `turns.stop` ended the wait.
bool rememberOnTurns(const MeasurementTurns& turns, const std::function<void()>& remember);

}  // namespace depthstyle
