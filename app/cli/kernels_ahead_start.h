#pragma once

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "cli_options.h"
#include "depthstyle/kernels_ahead.h"

namespace depthstyle::cli {

// Makes the run's first kernels (plannedKernelsFor) while LibTorch loads,
// through the kernels module at `module` (oneDNN without LibTorch, loaded
// here on the calling thread), on a thread of its own at the lowest
// priority, so that it takes what the loading and the heap's warm-up leave
// of the cores. Nothing when nothing is planned or the module cannot be
// loaded: the render makes them as before.
class KernelsAhead {
public:
    KernelsAhead(const CliOptions& options, const std::filesystem::path& module);
    ~KernelsAhead();
    KernelsAhead(const KernelsAhead&) = delete;
    KernelsAhead& operator=(const KernelsAhead&) = delete;

    // Once LibTorch is loaded: stops after the kernel in hand and waits for
    // it (milliseconds), so that the render's own preparation, on every
    // core, makes the rest and never waits for this thread. Under
    // DEPTHSTYLE_KERNELS_AHEAD=wait it lets every kernel be made first.
    void finish();

private:
    std::vector<PlannedKernel> kernels_;
    std::atomic<bool> stop_{false};
    bool wait_ = false;
    std::thread thread_;
};

}  // namespace depthstyle::cli
