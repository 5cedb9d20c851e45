#pragma once

#include <opencv2/core/types.hpp>

namespace depthstyle {

// Floating-point operations (multiply and add counted as two) of one pass,
// counting the convolutions only, for an image of `imageSize` pixels.
double encoderFlops(cv::Size imageSize);
double decoderFlops(cv::Size imageSize);

}  // namespace depthstyle
