#include "kernels_module.h"

#include <string>
#include <vector>

extern "C" __attribute__((visibility("default"))) const char* depthstyle_cli_kernels_build() {
    static const std::string build = depthstyle::cli::kernelsBuild();
    return build.c_str();
}

extern "C" __attribute__((visibility("default"))) size_t depthstyle_cli_make_kernels(
    const depthstyle::PlannedKernel* kernels, size_t count, size_t kernelSize, int threads,
    const std::atomic<bool>* stop) {
    if (kernelSize != sizeof(depthstyle::PlannedKernel) || kernels == nullptr) {
        return 0;  // another build's program: it makes its kernels in the render
    }
    try {
        return depthstyle::makeKernelsAhead(
            std::vector<depthstyle::PlannedKernel>(kernels, kernels + count), threads, stop);
    } catch (...) {
        return 0;  // no memory, say: the render makes them and meets it
    }
}
