#include <dlfcn.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>

#include "blas_threads.h"
#include "depthstyle/heap.h"
#include "depthstyle/run_trace.h"
#include "kernels_ahead_start.h"
#include "kernels_module.h"
#include "library_preload.h"
#include "warmup_size.h"
#include "work_module.h"

namespace depthstyle::cli {
namespace {

// Beside the program in a build tree, else in the installed private library
// folder; empty when the program's own path cannot be read (the current
// folder is never searched).
std::filesystem::path workModulePath() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || program.empty()) {
        return {};
    }
    const std::filesystem::path beside = program.parent_path() / kWorkModuleName;
    if (std::filesystem::exists(beside, error)) {
        return beside;
    }
    return (program.parent_path() / DEPTHSTYLE_WORK_MODULE_FOLDER / kWorkModuleName)
        .lexically_normal();
}

}  // namespace

int runInWorkModule(const CliOptions& options) {
    const std::filesystem::path path = workModulePath();
    if (path.empty()) {
        std::fprintf(stderr,
                     "depthstyle-cli: error: cannot find %s: /proc/self/exe, the program's own "
                     "path, cannot be read\n",
                     kWorkModuleName);
        return 1;
    }
    // The first touch of the run's memory happens on another core while
    // LibTorch loads.
    tuneAllocatorOnce();
    keepBlasOnCallingThread();
    const HeapWarmup warmup(warmupBytes(options));
    void* module = nullptr;
    std::optional<KernelsAhead> kernels;
    {
        const trace::Part part("loading LibTorch");
        {
            // oneDNN (one of LibTorch's libraries) first: the first render's
            // kernels are made on another core while the rest loads.
            const trace::Part ahead("oneDNN and the kernels' plan");
            kernels.emplace(options, path.parent_path() / kKernelsModuleName);
        }
        {
            const trace::Part libraries("its libraries one by one");
            preloadLibraries(libraryListPath(path));
        }
        module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    }
    kernels->finish();
    if (module == nullptr) {
        const char* why = dlerror();
        std::fprintf(stderr, "depthstyle-cli: error: cannot load '%s': %s\n", path.c_str(),
                     why != nullptr ? why : "unknown reason");
        return 1;
    }
    const auto build = reinterpret_cast<WorkBuild>(dlsym(module, kWorkBuildName));
    const auto entry = reinterpret_cast<WorkEntry>(dlsym(module, kWorkEntryName));
    if (build == nullptr || entry == nullptr || build() != workBuild()) {
        std::fprintf(stderr,
                     "depthstyle-cli: error: '%s' is not this program's work module (it is from "
                     "%s; this program is %s): reinstall DepthStyle\n",
                     path.c_str(), build != nullptr ? build() : "another program",
                     workBuild().c_str());
        return 1;
    }
    const WorkStart start{warmedHeapBytes(), &awaitHeapWarmups};
    // The module stays loaded: its libraries' teardown is the process's.
    return entry(&options, &start);
}

void endProcess(int status) {
    std::fflush(nullptr);
    std::_Exit(status);
}

}  // namespace depthstyle::cli
