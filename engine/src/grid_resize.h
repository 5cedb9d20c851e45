#pragma once

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// A map on the feature grid of a `picture`-sized image (one cell per 8x8
// block) drawn at `drawn` (the picture or a proxy of it with the same
// geometry): the blocks scaled as the proxy is, then cropped.
// `interpolation`: cv::INTER_NEAREST (cells as blocks) or cv::INTER_LINEAR.
cv::Mat gridAtDrawnSize(const cv::Mat& grid, cv::Size picture, cv::Size drawn, int interpolation);

}  // namespace depthstyle
