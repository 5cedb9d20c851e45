#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "torch_fwd.h"

namespace depthstyle {

// One convolution of a stack (stride 1, no padding: the stack pads), run
// through oneDNN directly: the oneDNN kernel for each input size (and
// calling thread's OpenMP thread count, which oneDNN plans the work for)
// made once and kept (prepare() makes it ahead of the first call), the weights
// reordered once for each layout the kernels choose instead of on every
// call, the ReLU after it, if any, done inside the convolution. Gives the same values as
// plainConvolution wherever at::conv2d runs oneDNN too (all but float inputs of at most 20480
// values, where it uses its own kernel and the sums differ in rounding).
// Input and output are in the layout LibTorch calls channels-last (nhwc),
// as at::conv2d gives oneDNN for channels-last tensors, so the same kernels
// run. Where oneDNN has no kernel for the weights (a type other than float32
// and bfloat16, bfloat16 on a processor without AVX-512) it is
// plainConvolution. Thread-safe: sessions on several threads share it.
class PackedConvolution {
public:
    PackedConvolution(const at::Tensor& weight, const at::Tensor& bias, bool relu);
    PackedConvolution(PackedConvolution&&) noexcept;
    PackedConvolution& operator=(PackedConvolution&&) noexcept;
    ~PackedConvolution();

    // `x` is channels-last.
    at::Tensor operator()(const at::Tensor& x) const;

    // Makes the kernel for inputs of `sizes` (N, C, H, W) without running
    // it. The sizes of the output.
    std::vector<int64_t> prepare(const std::vector<int64_t>& sizes) const;

    // Whether some size runs through oneDNN here (false before the first
    // call or prepare(), and where every size runs plain).
    bool packed() const;
    // How many input sizes have a kernel kept (made, or found to run plain):
    // those used last, at most kKeptKernels.
    size_t kernelCount() const;
    static constexpr size_t kKeptKernels = 64;
    // Whether a kernel for `sizes` at this thread's thread count is kept.
    bool hasKernelFor(const std::vector<int64_t>& sizes) const;
    // oneDNN's names for the kernels made ("brgconv:avx512_core"; "plain"
    // where at::conv2d runs a size).
    std::vector<std::string> kernelNames() const;

    const at::Tensor& weight() const;
    const at::Tensor& bias() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The same convolution through at::conv2d, the ReLU separately: where oneDNN
// has no kernel for the weights, and the reference in tests.
at::Tensor plainConvolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                            bool relu);

}  // namespace depthstyle
