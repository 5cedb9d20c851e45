#pragma once

#include <memory>

#include "torch_fwd.h"

namespace depthstyle {

// One convolution of a stack (stride 1, no padding: the stack pads), its
// weights reordered for oneDNN once instead of on every call, and the ReLU
// after it, if any, done inside the convolution. Gives the same values as
// plainConvolution wherever at::conv2d runs oneDNN too (all but float inputs
// of at most 20480 values, where it uses its own kernel and the sums differ
// in rounding). Where the weights cannot be packed (too few input channels,
// no prepacked convolutions in this LibTorch, no oneDNN kernel for them on
// this processor) it is plainConvolution. Thread-safe: sessions on several
// threads share it.
class PackedConvolution {
public:
    PackedConvolution(const at::Tensor& weight, const at::Tensor& bias, bool relu);
    PackedConvolution(PackedConvolution&&) noexcept;
    PackedConvolution& operator=(PackedConvolution&&) noexcept;
    ~PackedConvolution();

    // `x` is channels-last. The weights are packed on the first call, for
    // its size; later sizes reuse them (oneDNN reorders only when it wants
    // another layout for them).
    at::Tensor operator()(const at::Tensor& x) const;
    // Whether the calls so far ran packed (false before the first).
    bool packed() const;

    const at::Tensor& weight() const;
    const at::Tensor& bias() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The same convolution through at::conv2d, the ReLU separately: where
// LibTorch has no prepacked convolutions, and the reference in tests.
at::Tensor plainConvolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                            bool relu);

// Whether this LibTorch has oneDNN's prepacked convolutions.
bool packedConvolutionAvailable();

}  // namespace depthstyle
