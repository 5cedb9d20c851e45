#include "network_layout.h"

namespace depthstyle {

std::string ConvSpec::weightShape() const {
    return std::to_string(outChannels) + "x" + std::to_string(inChannels) + "x" +
           std::to_string(kernel) + "x" + std::to_string(kernel);
}

const std::vector<ConvSpec>& encoderLayout() {
    static const std::vector<ConvSpec> layout{
        {0, 3, 3, 1, AfterConv::Nothing},           // RGB [0,1] -> BGR x 255 - mean
        {2, 64, 3, 3, AfterConv::Relu},             // conv1_1
        {5, 64, 64, 3, AfterConv::ReluMaxPool},     // conv1_2, pool at 7
        {9, 128, 64, 3, AfterConv::Relu},           // conv2_1
        {12, 128, 128, 3, AfterConv::ReluMaxPool},  // conv2_2, pool at 14
        {16, 256, 128, 3, AfterConv::Relu},         // conv3_1
        {19, 256, 256, 3, AfterConv::Relu},         // conv3_2
        {22, 256, 256, 3, AfterConv::Relu},         // conv3_3
        {25, 256, 256, 3, AfterConv::ReluMaxPool},  // conv3_4, pool at 27
        {29, 512, 256, 3, AfterConv::Relu},         // conv4_1 -> relu4_1 at 30
    };
    return layout;
}

const std::vector<ConvSpec>& decoderLayout() {
    static const std::vector<ConvSpec> layout{
        {1, 256, 512, 3, AfterConv::ReluUpsample},  // upsample at 3
        {5, 256, 256, 3, AfterConv::Relu},
        {8, 256, 256, 3, AfterConv::Relu},
        {11, 256, 256, 3, AfterConv::Relu},
        {14, 128, 256, 3, AfterConv::ReluUpsample},  // upsample at 16
        {18, 128, 128, 3, AfterConv::Relu},
        {21, 64, 128, 3, AfterConv::ReluUpsample},  // upsample at 23
        {25, 64, 64, 3, AfterConv::Relu},
        {28, 3, 64, 3, AfterConv::Nothing},  // RGB out
    };
    return layout;
}

}  // namespace depthstyle
