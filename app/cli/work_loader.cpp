#include <dlfcn.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "blas_threads.h"
#include "depthstyle/heap.h"
#include "depthstyle/memory_estimate.h"
#include "depthstyle/run_trace.h"
#include "library_preload.h"
#include "local_path.h"
#include "work_module.h"

namespace depthstyle::cli {
namespace {

// The networks' weights as the engine keeps them (the encoder to relu4_1
// and the decoder, with their channels-last copies): about 60 MB measured.
constexpr std::uint64_t kNetworkBytes = std::uint64_t{64} << 20;
// At most what one idle core touches while LibTorch loads (about 0.4 s at
// 1-2 GB/s on the machines measured).
constexpr std::uint64_t kMostWarmupBytes = std::uint64_t{512} << 20;

// The heap a run will use: the networks, and for one picture the render's
// own estimate from the sizes the files declare. A batch or a video sizes
// its pictures later; only the networks are warmed for them.
std::uint64_t warmupBytes(const CliOptions& o) {
    std::uint64_t bytes = kNetworkBytes;
    if (!o.isBatch() && !o.video) {
        bytes += estimatedRenderBytes(doc::localPath(o.content), o.parameters.contentSize,
                                      doc::localPath(o.style), o.parameters.styleSize);
    }
    const std::uint64_t available = availableMemoryBytes();
    return std::min({bytes, kMostWarmupBytes, available > 0 ? available / 4 : bytes});
}

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
    {
        const trace::Part part("loading LibTorch");
        {
            const trace::Part libraries("its libraries one by one");
            preloadLibraries(libraryListPath(path));
        }
        module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    }
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
    const WorkStart start{warmedHeapBytes()};
    // The module stays loaded: its libraries' teardown is the process's.
    return entry(&options, &start);
}

void endProcess(int status) {
    std::fflush(nullptr);
    std::_Exit(status);
}

}  // namespace depthstyle::cli
