#include "depthstyle/preview_blend.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/size_policy.h"

namespace depthstyle {

Image previewBlend(const Image& styleDecode, const Image& contentDecode,
                   const cv::Mat& strengthGrid) {
    Image out;
    const cv::Size size = styleDecode.rgb.size();
    if (styleDecode.empty() || contentDecode.empty() || strengthGrid.empty() ||
        contentDecode.rgb.size() != size || featureGridSize(size) != strengthGrid.size()) {
        return out;
    }
    cv::Mat p;
    cv::resize(strengthGrid, p, cv::Size(strengthGrid.cols * 8, strengthGrid.rows * 8), 0, 0,
               cv::INTER_LINEAR);
    p = p(cv::Rect(0, 0, size.width, size.height));
    cv::Mat p3;
    cv::merge(std::vector<cv::Mat>{p, p, p}, p3);
    cv::Mat q3;
    cv::subtract(cv::Scalar::all(1.0), p3, q3);
    out.rgb = p3.mul(contentDecode.rgb) + q3.mul(styleDecode.rgb);
    out.alpha = styleDecode.alpha;
    out.sourceBitDepth = styleDecode.sourceBitDepth;
    return out;
}

}  // namespace depthstyle
