#include "preview_blend.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace depthstyle::ui {

Image previewBlend(const PreviewAnchors& anchors, const cv::Mat& strengthGrid) {
    Image out;
    if (anchors.empty() || strengthGrid.empty()) {
        return out;
    }
    const cv::Size size = anchors.fullStyle.rgb.size();
    cv::Mat p;
    cv::resize(strengthGrid, p, cv::Size(strengthGrid.cols * 8, strengthGrid.rows * 8), 0, 0,
               cv::INTER_LINEAR);
    p = p(cv::Rect(0, 0, size.width, size.height));
    cv::Mat p3;
    cv::merge(std::vector<cv::Mat>{p, p, p}, p3);
    cv::Mat q3;
    cv::subtract(cv::Scalar::all(1.0), p3, q3);
    out.rgb = p3.mul(anchors.fullContent.rgb) + q3.mul(anchors.fullStyle.rgb);
    out.alpha = anchors.fullStyle.alpha;
    return out;
}

}  // namespace depthstyle::ui
