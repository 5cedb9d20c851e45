#include "depthstyle/preview_blend.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/size_policy.h"
#include "grid_resize.h"

namespace depthstyle {

Image previewBlend(const Image& styleDecode, const Image& contentDecode,
                   const cv::Mat& strengthGrid, cv::Size pictureSize) {
    Image out;
    const cv::Size size = styleDecode.rgb.size();
    const cv::Size picture = pictureSize.empty() ? size : pictureSize;
    if (styleDecode.empty() || contentDecode.empty() || strengthGrid.empty() ||
        contentDecode.rgb.size() != size || featureGridSize(picture) != strengthGrid.size() ||
        size.width > picture.width || size.height > picture.height) {
        return out;
    }
    const cv::Mat p = gridAtDrawnSize(strengthGrid, picture, size, cv::INTER_LINEAR);
    cv::Mat p3;
    cv::merge(std::vector<cv::Mat>{p, p, p}, p3);
    cv::Mat q3;
    cv::subtract(cv::Scalar::all(1.0), p3, q3);
    out.rgb = p3.mul(contentDecode.rgb) + q3.mul(styleDecode.rgb);
    out.alpha = styleDecode.alpha;
    out.sourceBitDepth = styleDecode.sourceBitDepth;
    return out;
}

cv::Size previewProxySize(cv::Size pictureSize, int maxSide) {
    const int longer = std::max(pictureSize.width, pictureSize.height);
    if (longer <= maxSide || longer <= 0) {
        return pictureSize;
    }
    const double scale = double(maxSide) / longer;
    return {std::max(1, int(std::lround(pictureSize.width * scale))),
            std::max(1, int(std::lround(pictureSize.height * scale)))};
}

}  // namespace depthstyle
