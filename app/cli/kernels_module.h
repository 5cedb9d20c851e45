#pragma once

#include <atomic>
#include <cstddef>
#include <string>

#include "depthstyle/kernels_ahead.h"

namespace depthstyle::cli {

// The kernels module: oneDNN without LibTorch, loaded by the program before
// LibTorch so that the first render's kernels are made while LibTorch loads
// (kernels_ahead.h). Its entry point: makeKernelsAhead, checked against the
// program's PlannedKernel by size.
using MakeKernels = size_t (*)(const PlannedKernel* kernels, size_t count, size_t kernelSize,
                               int threads, const std::atomic<bool>* stop);
constexpr const char* kMakeKernelsName = "depthstyle_cli_make_kernels";
constexpr const char* kKernelsModuleName = "depthstyle-cli-kernels.so";
// The build the module was made by: the program uses only its own build's
// module (another build may plan and request its kernels otherwise: it
// would make kernels the render never finds, on the core the loading
// shares). Version, the size of a PlannedKernel and the compiler.
using KernelsBuild = const char* (*)();
constexpr const char* kKernelsBuildName = "depthstyle_cli_kernels_build";
inline std::string kernelsBuild() {
    return std::string(DEPTHSTYLE_VERSION) + " kernel:" + std::to_string(sizeof(PlannedKernel)) +
           " " + __VERSION__;
}

}  // namespace depthstyle::cli
