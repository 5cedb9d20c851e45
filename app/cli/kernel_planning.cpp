#include "kernel_planning.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>

#include "depthstyle/memory_estimate.h"
#include "depthstyle/stripe_tuning.h"
#include "depthstyle/threads.h"
#include "depthstyle/tiling.h"
#include "local_path.h"

namespace depthstyle::cli {
namespace {

std::optional<std::vector<int64_t>> inputSizes(const QString& path, int smallerSide) {
    const std::optional<cv::Size> size = declaredScaledSize(doc::localPath(path), smallerSide);
    if (!size) {
        return std::nullopt;
    }
    return std::vector<int64_t>{1, 3, size->height, size->width};
}

std::vector<PlannedKernel> plan(const CliOptions& o) {
    const std::optional<double> budget = knownStripeBudgetMiB(computeThreadsFor(o));
    if (!budget) {
        return {};  // measured first: the kernels would be planned for another budget
    }
    // For this thread's planning alone: the process's budget stays as it is.
    struct PlanningBudget {
        explicit PlanningBudget(double bytes) { setThreadStripeBudgetBytes(bytes); }
        ~PlanningBudget() { setThreadStripeBudgetBytes(0.0); }
    } const planning(*budget * 1024.0 * 1024.0);
    const std::optional<std::vector<int64_t>> content =
        inputSizes(o.content, o.parameters.contentSize);
    if (!content) {
        return {};
    }
    std::vector<std::vector<int64_t>> styles;
    QStringList stylePaths{o.style};
    stylePaths.append(o.moreStyles);
    for (const QString& path : stylePaths) {
        const std::optional<std::vector<int64_t>> style = inputSizes(path, o.parameters.styleSize);
        if (!style) {
            return {};
        }
        styles.push_back(*style);
    }
    return plannedRenderKernels(
        *content, styles, o.parameters.fastDecoding ? Precision::BFloat16 : Precision::Float32);
}

}  // namespace

KernelsAheadMode kernelsAheadMode() {
    const char* value = std::getenv("DEPTHSTYLE_KERNELS_AHEAD");
    if (value != nullptr && std::strcmp(value, "0") == 0) {
        return KernelsAheadMode::Off;
    }
    if (value != nullptr && std::strcmp(value, "wait") == 0) {
        return KernelsAheadMode::Wait;
    }
    return KernelsAheadMode::Beside;
}

int computeThreadsFor(const CliOptions& o) {
    return o.threads > 0 ? o.threads : availableCores();
}

std::vector<PlannedKernel> plannedKernelsFor(const CliOptions& o) {
    if (kernelsAheadMode() == KernelsAheadMode::Off || o.isBatch() || o.video) {
        return {};
    }
    try {
        return plan(o);
    } catch (const std::exception&) {
        return {};  // an unreadable cache or processor name, no memory: the render makes them
    }
}

}  // namespace depthstyle::cli
