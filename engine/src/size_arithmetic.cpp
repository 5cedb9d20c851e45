// The size policy's arithmetic (no pixels touched): apart from the resizing
// so that the command line can size a run before it loads the work.
#include <algorithm>
#include <string>

#include "depthstyle/engine_error.h"
#include "depthstyle/size_policy.h"

namespace depthstyle {

cv::Size scaledSize(cv::Size original, int smallerSide) {
    if (smallerSide <= 0 || original.empty()) {
        return original;
    }
    const bool wide = original.width >= original.height;
    const long long shortSide = wide ? original.height : original.width;
    const long long longSide = wide ? original.width : original.height;
    const int newLong =
        static_cast<int>(static_cast<long long>(smallerSide) * longSide / shortSide);
    return wide ? cv::Size(newLong, smallerSide) : cv::Size(smallerSide, newLong);
}

cv::Size checkScaledSize(cv::Size original, int smallerSide, const std::string& label) {
    if (smallerSide < 0) {
        throw EngineError(ErrorKind::InvalidArgument,
                          label + ": the size must be 0 (original) or a positive number of pixels");
    }
    long long width = original.width;
    long long height = original.height;
    if (smallerSide > 0 && !original.empty()) {
        const bool wide = width >= height;
        const long long shortSide = wide ? height : width;
        const long long longSide = wide ? width : height;
        const long long newLong = static_cast<long long>(smallerSide) * longSide / shortSide;
        width = wide ? newLong : smallerSide;
        height = wide ? smallerSide : newLong;
    }
    if (std::min(width, height) < kMinImageSide) {
        throwFileError(ErrorKind::ImageTooSmall, label,
                       "the image is " + std::to_string(width) + "x" + std::to_string(height) +
                           " pixels; the smaller side must be at least " +
                           std::to_string(kMinImageSide));
    }
    if (width * height > kMaxProcessPixels) {
        throwFileError(ErrorKind::ImageTooLarge, label,
                       "at " + std::to_string(width) + "x" + std::to_string(height) +
                           " the image exceeds the limit of " +
                           std::to_string(kMaxProcessPixels / 1'000'000) +
                           " megapixels; choose a smaller size");
    }
    return {static_cast<int>(width), static_cast<int>(height)};
}

cv::Size featureGridSize(cv::Size imageSize) {
    return {(imageSize.width + 7) / 8, (imageSize.height + 7) / 8};
}

}  // namespace depthstyle
