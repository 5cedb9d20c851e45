#include <dlfcn.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "depthstyle/heap.h"
#include "depthstyle/memory_estimate.h"
#include "depthstyle/run_trace.h"
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
        // The heap grows past the peak the estimate counts (blocks of
        // different sizes do not always fit where others were freed): half
        // as much again, as measured at the paper's setting.
        bytes += 3 *
                 estimatedRenderBytes(doc::localPath(o.content), o.parameters.contentSize,
                                      doc::localPath(o.style), o.parameters.styleSize) /
                 2;
    }
    const std::uint64_t available = availableMemoryBytes();
    return std::min({bytes, kMostWarmupBytes, available > 0 ? available / 4 : bytes});
}

std::filesystem::path workModulePath() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path folder = error ? std::filesystem::path(".") : program.parent_path();
    const std::filesystem::path beside = folder / kWorkModuleName;
    if (std::filesystem::exists(beside, error)) {
        return beside;
    }
    return (folder / DEPTHSTYLE_WORK_MODULE_FOLDER / kWorkModuleName).lexically_normal();
}

}  // namespace

int runInWorkModule(const CliOptions& options) {
    const std::filesystem::path path = workModulePath();
    // The first touch of the run's memory happens on another core while
    // LibTorch loads.
    tuneAllocatorOnce();
    const HeapWarmup warmup(warmupBytes(options));
    void* module = nullptr;
    {
        const trace::Part part("loading LibTorch");
        module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    }
    if (module == nullptr) {
        const char* why = dlerror();
        std::fprintf(stderr, "depthstyle-cli: error: cannot load '%s': %s\n", path.c_str(),
                     why != nullptr ? why : "unknown reason");
        return 1;
    }
    const auto entry = reinterpret_cast<WorkEntry>(dlsym(module, kWorkEntryName));
    if (entry == nullptr) {
        std::fprintf(stderr, "depthstyle-cli: error: '%s' has no %s\n", path.c_str(),
                     kWorkEntryName);
        return 1;
    }
    // The module stays loaded: its libraries' teardown is the process's.
    return entry(&options);
}

void endProcess(int status) {
    std::fflush(nullptr);
    std::_Exit(status);
}

}  // namespace depthstyle::cli
