#include "depthstyle/measurement_turns.h"

#include <chrono>
#include <optional>

#include "depthstyle/engine_error.h"
#include "machine_cache.h"

namespace depthstyle {
namespace {

// A render started during a step: the step ends at its next layer.
struct StepDisturbed {};

// Gives the step's turn back however the step ends.
class TurnHeld {
public:
    explicit TurnHeld(const MeasurementTurns& turns) : turns_(turns) {}
    ~TurnHeld() {
        if (turns_.release) {
            turns_.release();
        }
    }
    TurnHeld(const TurnHeld&) = delete;
    TurnHeld& operator=(const TurnHeld&) = delete;

private:
    const MeasurementTurns& turns_;
};

[[noreturn]] void stopMeasuring(const char* why) {
    throw EngineError(ErrorKind::Cancelled, std::string("measurement stopped: ") + why);
}

}  // namespace

double timeOnTurn(const MeasurementTurns& turns, const std::function<void(const Progress&)>& step) {
    Progress progress;
    progress.cancel = turns.stop;
    if (turns.disturbed) {
        progress.report = [&turns](Stage, double) {
            if (turns.disturbed()) {
                throw StepDisturbed{};
            }
        };
    }
    for (int attempt = 0; attempt < kMeasurementStepTries; ++attempt) {
        if (progress.cancelled() || (turns.await && !turns.await())) {
            stopMeasuring("the program is closing");
        }
        const TurnHeld held(turns);
        // Other programs' measurements: one step at a time across programs
        // too (a program measuring alone holds the lock for all of its own).
        std::optional<MachineCacheLock> others;
        if (turns.await) {
            others.emplace(turns.stop);
            if (others->stopped()) {
                stopMeasuring("the program is closing");
            }
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            step(progress);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (!turns.disturbed || !turns.disturbed()) {
                return seconds;
            }
        } catch (const StepDisturbed&) {
            // timed again on the next turn
        }
    }
    stopMeasuring("renders kept running during it");
}

}  // namespace depthstyle
