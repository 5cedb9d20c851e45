// A kernels module as another build may leave it (tst_cli_loading):
// FOREIGN_BUILD 0 has no build function (a module from before it had one),
// 1 names another build, 2 this one. Its entry point makes nothing and only
// leaves the file DEPTHSTYLE_TEST_KERNELS_CALLED names, so that a test sees
// whether the program called it.
#include <cstdio>
#include <cstdlib>

#include "kernels_module.h"

extern "C" __attribute__((visibility("default"))) size_t depthstyle_cli_make_kernels(
    const depthstyle::PlannedKernel* /*kernels*/, size_t /*count*/, size_t /*kernelSize*/,
    int /*threads*/, const std::atomic<bool>* /*stop*/) {
    if (const char* path = std::getenv("DEPTHSTYLE_TEST_KERNELS_CALLED")) {
        if (std::FILE* called = std::fopen(path, "w")) {
            std::fclose(called);
        }
    }
    return 0;
}

#if FOREIGN_BUILD == 1
extern "C" __attribute__((visibility("default"))) const char* depthstyle_cli_kernels_build() {
    return "0.0.0 kernel:64 another compiler";
}
#elif FOREIGN_BUILD == 2
extern "C" __attribute__((visibility("default"))) const char* depthstyle_cli_kernels_build() {
    static const std::string build = depthstyle::cli::kernelsBuild();
    return build.c_str();
}
#endif
