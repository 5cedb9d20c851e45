#pragma once

#include <opencv2/core/mat.hpp>

#include "torch_fwd.h"

namespace depthstyle {

// CV_32FC3 (H x W, RGB) -> float tensor 1 x 3 x H x W (a copy).
at::Tensor imageToTensor(const cv::Mat& rgb);
// The same tensor as a view of the picture's own memory (HWC is the
// channels-last layout), without a copy: valid while `rgb` lives and holds
// its pixels. A picture that is not one block of memory is copied.
at::Tensor imageTensorView(const cv::Mat& rgb);
// CV_32FC1 (h x w) -> float tensor 1 x 1 x h x w (a copy).
at::Tensor mapToTensor(const cv::Mat& map);
// Tensor with h x w elements -> CV_32FC1 (a copy).
cv::Mat tensorToMap(const at::Tensor& tensor, int rows, int cols);

}  // namespace depthstyle
