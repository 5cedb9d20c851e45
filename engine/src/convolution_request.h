#pragma once

#include <cstdint>
#include <vector>

#include <oneapi/dnnl/dnnl.hpp>

namespace depthstyle {

// The same engine LibTorch's oneDNN calls use (one CPU engine per process
// in oneDNN's eyes: kernels are cached by what they compute, not by engine
// object).
const dnnl::engine& cpuEngine();

// What a stack convolution (stride 1, no padding: the stack pads) asks
// oneDNN for: the request at::conv2d makes for channels-last tensors (nhwc
// in and out, the ReLU as a post-op), so that the same kernels run, with the
// weights' layout left to oneDNN for each size (one layout for every size
// made some sizes fall back to oneDNN's reference kernel, hundreds of times
// slower). `input` is N, C, H, W; `weight` O, I, K, K.
dnnl::convolution_forward::primitive_desc describeConvolution(const std::vector<int64_t>& input,
                                                              const std::vector<int64_t>& weight,
                                                              dnnl::memory::data_type type,
                                                              bool relu);

// The weights as a stack keeps them (PyTorch's channels-last, ohwi): what is
// reordered into the layout a kernel chose.
dnnl::memory::desc keptWeightsDesc(const std::vector<int64_t>& weight,
                                   dnnl::memory::data_type type);

// N, O, H - K + 1, W - K + 1.
std::vector<int64_t> convolutionOutputSizes(const std::vector<int64_t>& input,
                                            const std::vector<int64_t>& weight);

}  // namespace depthstyle
