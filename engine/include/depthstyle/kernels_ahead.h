#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "depthstyle/precision.h"

namespace depthstyle {

// One oneDNN convolution kernel a render will make, as plain numbers: the
// convolution's shape and the size of its input. No LibTorch, no oneDNN
// types: the command line plans these before LibTorch loads and hands them
// to a module that has oneDNN.
struct PlannedKernel {
    int64_t outChannels = 0;
    int64_t inChannels = 0;
    int64_t kernel = 0;
    int32_t relu = 0;
    int32_t bfloat16 = 0;
    int64_t input[4] = {0, 0, 0, 0};  // N, C, H, W
};

// The kernels a render makes at the current stripe budget, in its order
// (planRenderKernels in stack_plan.h): the encoder's for the content (input
// N, C, H, W; none when empty) and the styles, then the decoder's for the
// content's features at `decoderPrecision`.
std::vector<PlannedKernel> plannedRenderKernels(const std::vector<int64_t>& content,
                                                const std::vector<std::vector<int64_t>>& styles,
                                                Precision decoderPrecision);

// Makes each kernel's oneDNN primitive, and the reorder of its weights into
// the layout it chose, without weights or data: oneDNN keeps them in its
// primitive cache, where a stack making the same kernel later finds them
// (the cache's key holds the OpenMP thread count: `threads` must be the
// count the render computes with). Stops before the next kernel once `stop`
// (when given) is set. Skips what oneDNN refuses: the render meets it and
// reports it. Returns how many kernels were made. Needs oneDNN (the
// depthstyle_engine_kernels library).
size_t makeKernelsAhead(const std::vector<PlannedKernel>& kernels, int threads,
                        const std::atomic<bool>* stop = nullptr);

}  // namespace depthstyle
