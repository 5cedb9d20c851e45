#include "kernels_ahead_start.h"

#include <dlfcn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <exception>
#include <system_error>

#include "depthstyle/run_trace.h"
#include "kernel_planning.h"
#include "kernels_module.h"

namespace depthstyle::cli {

KernelsAhead::KernelsAhead(const CliOptions& options, const std::filesystem::path& module)
    : kernels_(plannedKernelsFor(options)), wait_(kernelsAheadMode() == KernelsAheadMode::Wait) {
    if (kernels_.empty()) {
        return;
    }
    // Stays loaded: oneDNN is LibTorch's too.
    void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        return;  // the render makes them
    }
    const auto build = reinterpret_cast<KernelsBuild>(dlsym(handle, kKernelsBuildName));
    const auto make = reinterpret_cast<MakeKernels>(dlsym(handle, kMakeKernelsName));
    if (build == nullptr || make == nullptr || build() != kernelsBuild()) {
        dlclose(handle);  // another build's module: the render makes them
        return;
    }
    const int threads = computeThreadsFor(options);
    try {
        thread_ = std::thread([this, make, threads] {
            // At the lowest priority (nice 19), it runs when the loading and
            // the heap's warm-up leave a core idle (at the default
            // priority, three threads on two cores slowed the loading more
            // than the kernels saved). Not SCHED_IDLE: a busy machine could
            // starve the kernel in hand, which the loading's end waits for.
            // Waited for whole (=wait), it keeps the default priority.
            if (!wait_) {
                setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
            }
            make(kernels_.data(), kernels_.size(), sizeof(PlannedKernel), threads, &stop_);
        });
    } catch (const std::system_error&) {
        // no thread to spare: the render makes them
    }
}

void KernelsAhead::finish() {
    if (!thread_.joinable()) {
        return;
    }
    const trace::Part part(wait_ ? "waiting for the kernels made ahead"
                                 : "the kernel in hand made ahead");
    stop_ = !wait_;
    thread_.join();
}

KernelsAhead::~KernelsAhead() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

}  // namespace depthstyle::cli
