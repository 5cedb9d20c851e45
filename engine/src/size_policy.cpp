#include "depthstyle/size_policy.h"

#include <algorithm>
#include <string>

#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"

namespace depthstyle {

Image scaleToSmallerSide(const Image& image, int smallerSide, const std::string& label) {
    const cv::Size from = image.rgb.size();
    const cv::Size to = checkScaledSize(from, smallerSide, label);
    return resizedImage(image, to);
}

Image resizedImage(const Image& image, cv::Size size) {
    const cv::Size from = image.rgb.size();
    if (size == from) {
        return image;
    }
    const int interpolation = size.area() < from.area() ? cv::INTER_AREA : cv::INTER_LINEAR;
    Image out;
    out.sourceBitDepth = image.sourceBitDepth;
    cv::resize(image.rgb, out.rgb, size, 0, 0, interpolation);
    if (image.hasAlpha()) {
        cv::resize(image.alpha, out.alpha, size, 0, 0, interpolation);
    }
    return out;
}

}  // namespace depthstyle
