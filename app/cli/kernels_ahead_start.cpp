#include "kernels_ahead_start.h"

#include <dlfcn.h>
#include <sched.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>

#include "depthstyle/memory_estimate.h"
#include "depthstyle/run_trace.h"
#include "depthstyle/stripe_tuning.h"
#include "depthstyle/tiling.h"
#include "kernels_module.h"
#include "local_path.h"

namespace depthstyle::cli {
namespace {

const char* kernelsAheadSetting() {
    const char* value = std::getenv("DEPTHSTYLE_KERNELS_AHEAD");
    return value != nullptr ? value : "";
}

std::optional<std::vector<int64_t>> inputSizes(const QString& path, int smallerSide) {
    const std::optional<cv::Size> size = declaredScaledSize(doc::localPath(path), smallerSide);
    if (!size) {
        return std::nullopt;
    }
    return std::vector<int64_t>{1, 3, size->height, size->width};
}

// The compute threads the work module sets (setComputeThreads).
int computeThreadsFor(const CliOptions& o) {
    const unsigned cores = std::thread::hardware_concurrency();
    return o.threads > 0 ? o.threads : static_cast<int>(cores > 0 ? cores : 1);
}

}  // namespace

std::vector<PlannedKernel> plannedKernelsFor(const CliOptions& o) {
    if (std::strcmp(kernelsAheadSetting(), "0") == 0 || o.isBatch() || o.video) {
        return {};
    }
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

KernelsAhead::KernelsAhead(const CliOptions& options, const std::filesystem::path& module)
    : kernels_(plannedKernelsFor(options)), wait_(std::strcmp(kernelsAheadSetting(), "wait") == 0) {
    if (kernels_.empty()) {
        return;
    }
    // Stays loaded: oneDNN is LibTorch's too.
    void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    const auto make = handle != nullptr
                          ? reinterpret_cast<MakeKernels>(dlsym(handle, kMakeKernelsName))
                          : nullptr;
    if (make == nullptr) {
        return;  // the render makes them
    }
    const int threads = computeThreadsFor(options);
    try {
        thread_ = std::thread([this, make, threads] {
            // Only where a core would idle: the loading of LibTorch and the
            // warm-up keep theirs.
            sched_param none{};
            sched_setscheduler(0, SCHED_IDLE, &none);
            make(kernels_.data(), kernels_.size(), sizeof(PlannedKernel), threads, &stop_);
        });
    } catch (const std::system_error&) {
        // no thread to spare: the render makes them
    }
}

void KernelsAhead::waitIfAsked() {
    if (wait_ && thread_.joinable()) {
        const trace::Part part("waiting for the kernels made ahead");
        thread_.join();
    }
}

KernelsAhead::~KernelsAhead() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

}  // namespace depthstyle::cli
