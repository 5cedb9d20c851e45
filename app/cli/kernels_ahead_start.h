#pragma once

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "cli_options.h"
#include "depthstyle/kernels_ahead.h"

namespace depthstyle::cli {

// The oneDNN kernels the run's first render will make, planned from the
// options and the pictures' headers without LibTorch: empty for batches and
// videos, where the stripe budget is still to be measured, where a header
// does not say its size, and where DEPTHSTYLE_KERNELS_AHEAD=0.
// DEPTHSTYLE_KERNELS_AHEAD=wait makes them all before the work starts (for
// tests and measurements: a render then finds every kernel made).
std::vector<PlannedKernel> plannedKernelsFor(const CliOptions& options);

// Makes them on a thread of its own while LibTorch loads, through the
// kernels module at `module` (loaded here, on the calling thread). Nothing
// when the list is empty or the module cannot be loaded: the render makes
// them as before. Going, it stops after the kernel in hand and waits for it.
class KernelsAhead {
public:
    KernelsAhead(const CliOptions& options, const std::filesystem::path& module);
    ~KernelsAhead();
    // Under DEPTHSTYLE_KERNELS_AHEAD=wait, waits until they are made.
    void waitIfAsked();
    KernelsAhead(const KernelsAhead&) = delete;
    KernelsAhead& operator=(const KernelsAhead&) = delete;

private:
    std::vector<PlannedKernel> kernels_;
    std::atomic<bool> stop_{false};
    bool wait_ = false;
    std::thread thread_;
};

}  // namespace depthstyle::cli
