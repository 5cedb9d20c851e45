#pragma once

#include <string>
#include <vector>

namespace depthstyle {

// What follows a convolution in the published nn.Sequential layouts.
enum class AfterConv { Nothing, Relu, ReluMaxPool, ReluUpsample };

// One convolution: its module index in the published state dict (the keys
// are "<index>.weight" and "<index>.bias"), its shape, and what follows it.
// 3x3 convolutions are preceded by ReflectionPad2d(1); 1x1 ones by nothing.
struct ConvSpec {
    int index;
    int outChannels;
    int inChannels;
    int kernel;
    AfterConv after;

    std::string weightName() const { return std::to_string(index) + ".weight"; }
    std::string biasName() const { return std::to_string(index) + ".bias"; }
    std::string weightShape() const;  // "OxIxKxK"
};

// The normalised VGG-19 of pytorch-AdaIN through relu4_1 (modules 0..30).
const std::vector<ConvSpec>& encoderLayout();
// The AdaIN decoder (modules 0..28).
const std::vector<ConvSpec>& decoderLayout();

}  // namespace depthstyle
