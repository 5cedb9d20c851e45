#pragma once

#include <memory>

#include "torch_fwd.h"

namespace depthstyle {

// One convolution of a stack (stride 1, no padding: the stack pads), its
// weights reordered for oneDNN once instead of on every call, and the ReLU
// after it, if any, done inside the convolution. Gives the same values as
// plainConvolution. Thread-safe: sessions on several threads share it.
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
