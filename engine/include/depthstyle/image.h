#pragma once

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// An image as the engine sees it: float RGB in [0,1] (CV_32FC3, RGB order,
// not OpenCV's BGR) and, when the file had one, its alpha channel kept aside
// (CV_32FC1 in [0,1], same size) to be re-attached to the result.
struct Image {
    cv::Mat rgb;
    cv::Mat alpha;
    int sourceBitDepth = 8;  // 8, 16 or 32 (float), for information

    bool empty() const { return rgb.empty(); }
    int width() const { return rgb.cols; }
    int height() const { return rgb.rows; }
    bool hasAlpha() const { return !alpha.empty(); }
};

}  // namespace depthstyle
