#include "depthstyle/network_cost.h"

#include "network_layout.h"

namespace depthstyle {
namespace {

// Walks a layout, tracking the spatial size through pools and upsamplings.
double layoutFlops(const std::vector<ConvSpec>& layout, long long height, long long width) {
    double flops = 0.0;
    for (const ConvSpec& spec : layout) {
        flops += 2.0 * spec.inChannels * spec.outChannels * spec.kernel * spec.kernel *
                 static_cast<double>(height * width);
        if (spec.after == AfterConv::ReluMaxPool) {
            height = (height + 1) / 2;
            width = (width + 1) / 2;
        } else if (spec.after == AfterConv::ReluUpsample) {
            height *= 2;
            width *= 2;
        }
    }
    return flops;
}

}  // namespace

double encoderFlops(cv::Size imageSize) {
    return layoutFlops(encoderLayout(), imageSize.height, imageSize.width);
}

double decoderFlops(cv::Size imageSize) {
    return layoutFlops(decoderLayout(), (imageSize.height + 7) / 8, (imageSize.width + 7) / 8);
}

}  // namespace depthstyle
