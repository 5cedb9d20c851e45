#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "depthstyle/run_trace.h"
#include "work_module.h"

namespace depthstyle::cli {
namespace {

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
#if defined(__SANITIZE_ADDRESS__)
    std::exit(status);
#else
    std::fflush(nullptr);
    std::_Exit(status);
#endif
}

}  // namespace depthstyle::cli
