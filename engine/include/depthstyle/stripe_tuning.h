#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "depthstyle/measurement_turns.h"
#include "depthstyle/models.h"
#include "depthstyle/tiling.h"

namespace depthstyle {

// How much memory each stripe of the networks' stretches may take on this
// machine. The best size depends on the processor's caches, so it is not
// fixed for the one processor the project was tuned on: it is measured once
// per processor, thread count and LibTorch (the encoder and the decoder on
// a 256x256 probe at each candidate) and remembered in the user's cache folder.
inline constexpr double kStripeBudgetCandidatesMiB[] = {12.0, 24.0, 48.0};

struct StripeBudgetChoice {
    std::string processor;  // processorName()
    int threads = 0;
    std::vector<double> seconds;  // one probe pass per candidate, the fastest of two
    double chosenMiB() const;
};

// The fastest candidate where it is at least 5% faster than the default,
// else the default: a choice never rests on noise. `seconds` holds one time
// per candidate (any other count gives the default).
double chooseStripeBudgetMiB(const std::vector<double>& seconds);

// Times an encoding and a decoding of the probe at each candidate (a
// warm-up each, then the fastest of two, taken in turns); about 3 s on two
// cores. Other threads' renders keep their stripe budget meanwhile; each
// pass waits for its turn between them (`turns`). Throws
// EngineError(Cancelled) when `turns` stops it.
StripeBudgetChoice measureStripeBudget(const Models& models, const MeasurementTurns& turns = {});

std::string stripeBudgetCacheFile();
std::optional<StripeBudgetChoice> rememberedStripeBudget(const std::string& file,
                                                         const std::string& processor, int threads);
void rememberStripeBudget(const std::string& file, const StripeBudgetChoice& choice);
// This machine's remembered choice, if any (a small file read).
std::optional<StripeBudgetChoice> rememberedStripeBudget();

// False when DEPTHSTYLE_STRIPE_TUNING=0: the default budget, nothing
// measured or applied (reproducible timings; the tests).
bool stripeTuningEnabled();

// The stripe budget, in MiB, that a program computing on `threads` threads
// will apply, as far as it is known before the networks load: the default
// where tuning is off or nothing can be remembered, else the remembered
// choice; nothing where it is still to be measured. Reads the cache file
// only (no LibTorch); makes the cache folder, as canRemember does.
std::optional<double> knownStripeBudgetMiB(int threads);

// Sets the stripe budget to the choice (setStripeBudgetBytes).
void applyStripeBudget(const StripeBudgetChoice& choice);

// Whether a measurement could be remembered here (the cache folder made and
// writable): where not, nothing is measured, since it would be repeated on
// every run.
bool canRememberStripeBudget();

// This machine's choice: remembered, else measured now (on `turns`) and
// remembered. Programs never measure beside each other (the cache folder's
// measuring lock): measuring alone (no `turns.await`), the whole
// measurement holds it, and a program starting beside one that measures
// waits and reads its result; on turns (the app), each step holds it.
// `measuring` runs just before a measurement. None (the default applies)
// when tuning is off, when nothing can be remembered here, or when the
// measurement failed or was stopped (`turns.stop`, also while waiting).
std::optional<StripeBudgetChoice> stripeBudgetForThisMachine(const Models& models,
                                                             const std::function<void()>& measuring,
                                                             const MeasurementTurns& turns = {});

}  // namespace depthstyle
