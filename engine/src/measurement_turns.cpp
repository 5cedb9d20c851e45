#include "depthstyle/measurement_turns.h"

#include <chrono>
#include <optional>
#include <thread>

#include "depthstyle/engine_error.h"
#include "machine_cache.h"

namespace depthstyle {
namespace {

// After a step on turns, how long the lock stays free for another program.
constexpr std::chrono::milliseconds kLetOthersIn{120};

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

std::string measuringLockFile() {
    return machineCacheFile("measuring.lock");
}

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
    for (int tries = 0; tries < kMeasurementStepTries;) {
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
        ++tries;
        if (turns.await && turns.disturbed && turns.disturbed()) {
            continue;  // a render started while it waited for the lock: not run beside it
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            step(progress);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (!turns.disturbed || !turns.disturbed()) {
                if (others) {
                    // A program waiting for the lock (it looks every 50 ms)
                    // gets it before this one's next step.
                    others.reset();
                    std::this_thread::sleep_for(kLetOthersIn);
                }
                return seconds;
            }
        } catch (const StepDisturbed&) {
            // timed again on the next turn
        }
    }
    stopMeasuring("renders kept running during it");
}

bool rememberOnTurns(const MeasurementTurns& turns, const std::function<void()>& remember) {
    std::optional<MachineCacheLock> writing;
    if (turns.await) {
        writing.emplace(turns.stop);
        if (writing->stopped()) {
            return false;
        }
    }
    remember();
    return true;
}

}  // namespace depthstyle
