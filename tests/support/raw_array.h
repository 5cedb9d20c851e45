#pragma once

#include <opencv2/core/mat.hpp>
#include <string>

namespace depthstyle::test {

// The DSRW raw array format of tests/tools/raw_arrays.py: float32 H x W x C.
bool writeRawArray(const std::string& path, const cv::Mat& floats);
cv::Mat readRawArray(const std::string& path);  // empty on failure

}  // namespace depthstyle::test
