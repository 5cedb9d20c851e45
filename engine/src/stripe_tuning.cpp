#include "depthstyle/stripe_tuning.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "depthstyle/decoder_speed.h"
#include "depthstyle/measurement_turns.h"
#include "depthstyle/run_trace.h"
#include "depthstyle/tiling.h"
#include "machine_cache.h"
#include "model_networks.h"

namespace depthstyle {
namespace {

constexpr size_t kCandidates = std::size(kStripeBudgetCandidatesMiB);
constexpr double kMiB = 1024.0 * 1024.0;

// One encoding and one decoding of the probe, as a render runs them.
double secondsOf(const Models::Networks& networks, const at::Tensor& probe,
                 const MeasurementTurns& turns) {
    return timeOnTurn(turns, [&](const Progress& progress) {
        const at::Tensor features =
            networks.encoder.forward(probe, Stage::ContentEncoding, progress, Precision::Float32);
        networks.decoder.forward(features, Stage::Decoding, progress, Precision::Float32);
    });
}

}  // namespace

StripeBudgetChoice measureStripeBudget(const Models& models, const MeasurementTurns& turns) {
    const trace::Muted quiet;  // the probe's stages are not the run's
    // This thread's own budget goes back to the process's however the
    // measurement ends.
    struct ThreadBudget {
        ~ThreadBudget() { setThreadStripeBudgetBytes(0.0); }
    } const restore;
    const at::Tensor probe = at::rand({1, 3, 256, 256}, at::TensorOptions().dtype(at::kFloat));
    std::vector<std::vector<double>> times(kCandidates);
    for (int round = 0; round < 3; ++round) {  // the first is the warm-up
        for (size_t c = 0; c < kCandidates; ++c) {
            setThreadStripeBudgetBytes(kStripeBudgetCandidatesMiB[c] * kMiB);
            const double seconds = secondsOf(models.networks(), probe, turns);
            if (round > 0) {
                times[c].push_back(seconds);
            }
        }
    }
    StripeBudgetChoice choice;
    choice.processor = processorName();
    choice.threads = at::get_num_threads();
    for (const std::vector<double>& t : times) {
        choice.seconds.push_back(*std::min_element(t.begin(), t.end()));  // the least disturbed
    }
    return choice;
}

std::optional<StripeBudgetChoice> rememberedStripeBudget() {
    return rememberedStripeBudget(stripeBudgetCacheFile(), processorName(), at::get_num_threads());
}

void applyStripeBudget(const StripeBudgetChoice& choice) {
    setStripeBudgetBytes(choice.chosenMiB() * kMiB);
}

std::optional<StripeBudgetChoice> stripeBudgetForThisMachine(const Models& models,
                                                             const std::function<void()>& measuring,
                                                             const MeasurementTurns& turns) {
    if (!stripeTuningEnabled()) {
        return std::nullopt;
    }
    if (std::optional<StripeBudgetChoice> known = rememberedStripeBudget()) {
        return known;
    }
    const std::string file = stripeBudgetCacheFile();
    if (!canRemember(file)) {
        return std::nullopt;
    }
    // Measuring alone, the whole measurement holds the lock; on turns, each
    // step does (timeOnTurn).
    std::optional<MachineCacheLock> lock;
    if (!turns.await) {
        lock.emplace(turns.stop, turns.waitingForOthers);
        if (lock->stopped()) {
            return std::nullopt;
        }
    }
    if (std::optional<StripeBudgetChoice> known = rememberedStripeBudget()) {
        return known;  // measured by a program that held the lock first
    }
    if (measuring) {
        measuring();
    }
    try {
        StripeBudgetChoice choice = measureStripeBudget(models, turns);
        if (!rememberOnTurns(turns, [&] { rememberStripeBudget(file, choice); })) {
            return std::nullopt;  // stopped while waiting for the measuring lock
        }
        return choice;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace depthstyle
