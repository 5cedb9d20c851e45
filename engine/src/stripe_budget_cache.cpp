// The stripe budget's remembered measurements and choice (stripe_tuning.h):
// no LibTorch, so that the command line can read the choice before it loads
// the networks.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "depthstyle/processor_name.h"
#include "depthstyle/stripe_tuning.h"
#include "machine_cache.h"

namespace depthstyle {
namespace {

// The cache lines' format: one time per candidate (machine_cache.h).
constexpr const char* kFormat = "2";
constexpr size_t kCandidates = std::size(kStripeBudgetCandidatesMiB);

}  // namespace

double chooseStripeBudgetMiB(const std::vector<double>& seconds) {
    if (seconds.size() != kCandidates) {
        return kDefaultStripeBudgetMiB;
    }
    const size_t fastest = static_cast<size_t>(
        std::distance(seconds.begin(), std::min_element(seconds.begin(), seconds.end())));
    const size_t standard = static_cast<size_t>(
        std::distance(std::begin(kStripeBudgetCandidatesMiB),
                      std::find(std::begin(kStripeBudgetCandidatesMiB),
                                std::end(kStripeBudgetCandidatesMiB), kDefaultStripeBudgetMiB)));
    return seconds[fastest] <= 0.95 * seconds[standard] ? kStripeBudgetCandidatesMiB[fastest]
                                                        : kDefaultStripeBudgetMiB;
}

double StripeBudgetChoice::chosenMiB() const {
    return chooseStripeBudgetMiB(seconds);
}

std::string stripeBudgetCacheFile() {
    return machineCacheFile("stripe-budget");
}

std::optional<StripeBudgetChoice> rememberedStripeBudget(const std::string& file,
                                                         const std::string& processor,
                                                         int threads) {
    auto seconds = rememberedMeasurement(file, kFormat, {processor, threads}, kCandidates);
    if (!seconds) {
        return std::nullopt;
    }
    return StripeBudgetChoice{processor, threads, std::move(*seconds)};
}

void rememberStripeBudget(const std::string& file, const StripeBudgetChoice& choice) {
    rememberMeasurement(file, kFormat, {choice.processor, choice.threads}, choice.seconds);
}

bool stripeTuningEnabled() {
    const char* value = std::getenv("DEPTHSTYLE_STRIPE_TUNING");
    return value == nullptr || std::strcmp(value, "0") != 0;
}

bool canRememberStripeBudget() {
    return canRemember(stripeBudgetCacheFile());
}

std::optional<double> knownStripeBudgetMiB(int threads) {
    if (!stripeTuningEnabled()) {
        return kDefaultStripeBudgetMiB;
    }
    const std::string file = stripeBudgetCacheFile();
    if (std::optional<StripeBudgetChoice> known =
            rememberedStripeBudget(file, processorName(), threads)) {
        return known->chosenMiB();
    }
    // Where nothing can be remembered, nothing is measured either.
    return canRemember(file) ? std::nullopt : std::optional<double>(kDefaultStripeBudgetMiB);
}

}  // namespace depthstyle
