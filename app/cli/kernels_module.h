#pragma once

#include <atomic>
#include <cstddef>

#include "depthstyle/kernels_ahead.h"

namespace depthstyle::cli {

// The kernels module: oneDNN without LibTorch, loaded by the program before
// LibTorch so that the first render's kernels are made while LibTorch loads
// (kernels_ahead.h). Its one entry point: makeKernelsAhead, checked against
// the program's PlannedKernel by size.
using MakeKernels = size_t (*)(const PlannedKernel* kernels, size_t count, size_t kernelSize,
                               int threads, const std::atomic<bool>* stop);
constexpr const char* kMakeKernelsName = "depthstyle_cli_make_kernels";
constexpr const char* kKernelsModuleName = "depthstyle-cli-kernels.so";

}  // namespace depthstyle::cli
