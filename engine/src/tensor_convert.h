#pragma once

#include <opencv2/core/mat.hpp>

#include "torch_fwd.h"

namespace depthstyle {

// CV_32FC3 (H x W, RGB) -> float tensor 1 x 3 x H x W (a copy).
at::Tensor imageToTensor(const cv::Mat& rgb);
// Tensor 1 x 3 x h x w (h, w at least the size) -> CV_32FC3 RGB cropped to
// `size` and clamped to [0,1].
cv::Mat tensorToImage(const at::Tensor& tensor, cv::Size size);
// CV_32FC1 (h x w) -> float tensor 1 x 1 x h x w (a copy).
at::Tensor mapToTensor(const cv::Mat& map);
// Tensor with h x w elements -> CV_32FC1 (a copy).
cv::Mat tensorToMap(const at::Tensor& tensor, int rows, int cols);

}  // namespace depthstyle
