#include "conv_stack.h"

#include <ATen/ATen.h>

#include "reflection_pad.h"
#include "state_dict.h"

namespace depthstyle {

struct ConvStack::Layers {
    std::vector<ConvSpec> specs;
    std::vector<at::Tensor> weights;
    std::vector<at::Tensor> biases;
};

ConvStack::ConvStack(std::unique_ptr<Layers> layers) : layers_(std::move(layers)) {}
ConvStack::ConvStack(ConvStack&&) noexcept = default;
ConvStack& ConvStack::operator=(ConvStack&&) noexcept = default;
ConvStack::~ConvStack() = default;

ConvStack ConvStack::load(const std::string& path, const std::vector<ConvSpec>& layout) {
    const std::vector<at::Tensor> tensors = loadLayoutTensors(path, layout);
    auto layers = std::make_unique<Layers>();
    layers->specs = layout;
    for (size_t i = 0; i < layout.size(); ++i) {
        layers->weights.push_back(tensors[2 * i].contiguous(at::MemoryFormat::ChannelsLast));
        layers->biases.push_back(tensors[2 * i + 1]);
    }
    return ConvStack(std::move(layers));
}

at::Tensor ConvStack::forward(const at::Tensor& input, Stage stage,
                              const Progress& progress) const {
    at::NoGradGuard noGrad;
    at::Tensor x = input.contiguous(at::MemoryFormat::ChannelsLast);
    const size_t count = layers_->specs.size();
    progress.step(stage, 0.0);
    for (size_t i = 0; i < count; ++i) {
        const ConvSpec& spec = layers_->specs[i];
        if (spec.kernel == 3) {
            x = reflectionPad1(x);
        }
        x = at::conv2d(x, layers_->weights[i], layers_->biases[i]);
        if (spec.after != AfterConv::Nothing) {
            x.relu_();
        }
        if (spec.after == AfterConv::ReluMaxPool) {
            x = at::max_pool2d(x, {2, 2}, {2, 2}, {0, 0}, {1, 1}, /*ceil_mode=*/true);
        } else if (spec.after == AfterConv::ReluUpsample) {
            x = at::upsample_nearest2d(x, {x.size(2) * 2, x.size(3) * 2})
                    .contiguous(at::MemoryFormat::ChannelsLast);
        }
        progress.step(stage, static_cast<double>(i + 1) / static_cast<double>(count));
    }
    return x.contiguous();
}

}  // namespace depthstyle
