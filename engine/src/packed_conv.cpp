#include "packed_conv.h"

#include <ATen/ATen.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/core/stack.h>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace depthstyle {
namespace {

// LibTorch's oneDNN prepacked convolution (what TorchScript's frozen graphs
// use): conv2d_prepack(weight, bias, stride, padding, dilation, groups,
// input size, "none" or "relu") makes a context holding the reordered
// weights, conv2d_run(input, context) convolves with it. Called boxed: the
// context's C++ type is not in LibTorch's installed headers.
struct PrepackedOps {
    c10::OperatorHandle prepack;
    c10::OperatorHandle run;
};

const std::optional<PrepackedOps>& prepackedOps() {
    static const std::optional<PrepackedOps> ops = []() -> std::optional<PrepackedOps> {
        c10::Dispatcher& dispatcher = c10::Dispatcher::singleton();
        auto prepack = dispatcher.findSchema({"mkldnn_prepacked::conv2d_prepack", ""});
        auto run = dispatcher.findSchema({"mkldnn_prepacked::conv2d_run", ""});
        if (!prepack || !run) {
            return std::nullopt;
        }
        return PrepackedOps{*prepack, *run};
    }();
    return ops;
}

// Below this many input channels the packing chose weights for a blocked
// input (measured on the encoder's first layer, 3 channels in, 1x1: oneDNN's
// jit_1x1 kernel on aBcd16b), and oneDNN then converted every stripe's input
// and output and summed in another order. Such layers are cheap: they run
// unpacked.
constexpr int64_t kLeastPackedChannels = 16;

at::Tensor runPacked(const PrepackedOps& ops, const at::Tensor& x, const c10::IValue& context) {
    torch::jit::Stack stack{x, context};
    ops.run.callBoxed(&stack);
    return stack.at(0).toTensor();
}

}  // namespace

struct PackedConvolution::State {
    at::Tensor weight;
    at::Tensor bias;
    bool relu = false;
    std::once_flag packing;
    c10::IValue context;
};

PackedConvolution::PackedConvolution(const at::Tensor& weight, const at::Tensor& bias, bool relu)
    : state_(std::make_unique<State>()) {
    state_->weight = weight;
    state_->bias = bias;
    state_->relu = relu;
}

PackedConvolution::PackedConvolution(PackedConvolution&&) noexcept = default;
PackedConvolution& PackedConvolution::operator=(PackedConvolution&&) noexcept = default;
PackedConvolution::~PackedConvolution() = default;

const at::Tensor& PackedConvolution::weight() const {
    return state_->weight;
}
const at::Tensor& PackedConvolution::bias() const {
    return state_->bias;
}

at::Tensor PackedConvolution::operator()(const at::Tensor& x) const {
    const std::optional<PrepackedOps>& ops = prepackedOps();
    State& s = *state_;
    at::Tensor first;
    std::call_once(s.packing, [&] {
        if (!ops || s.weight.size(1) < kLeastPackedChannels) {
            return;
        }
        try {
            const std::vector<int64_t> ones{1, 1};
            const std::vector<int64_t> zeros{0, 0};
            torch::jit::Stack stack{s.weight,
                                    s.bias,
                                    ones,
                                    zeros,
                                    ones,
                                    int64_t{1},
                                    x.sizes().vec(),
                                    std::string(s.relu ? "relu" : "none")};
            ops->prepack.callBoxed(&stack);
            // The first run shows that oneDNN has a kernel for these weights
            // here: bfloat16 ones have none without AVX-512, where
            // at::conv2d uses its own.
            first = runPacked(*ops, x, stack.at(0));
            s.context = std::move(stack.at(0));
        } catch (const std::exception&) {
            first = at::Tensor();  // unpacked from now on
        }
    });
    if (first.defined()) {
        return first;
    }
    if (s.context.isNone()) {
        return plainConvolution(x, s.weight, s.bias, s.relu);
    }
    return runPacked(*ops, x, s.context);
}

bool PackedConvolution::packed() const {
    return !state_->context.isNone();
}

at::Tensor plainConvolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                            bool relu) {
    at::Tensor out = at::conv2d(x, weight, bias);
    if (relu) {
        out.relu_();
    }
    return out;
}

bool packedConvolutionAvailable() {
    return prepackedOps().has_value();
}

}  // namespace depthstyle
