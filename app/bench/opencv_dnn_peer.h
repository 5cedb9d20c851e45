#pragma once

#include <opencv2/core/types.hpp>
#include <string>

namespace depthstyle::bench {

struct DnnTimes {
    double encoder = 0.0;  // median seconds per pass, 0 when not measured
    double decoder = 0.0;
};

// Times OpenCV DNN on encoder.onnx and decoder.onnx (exported by
// tools/export_onnx.py) for an image of `size`.
DnnTimes timeOpenCvDnn(const std::string& onnxDir, cv::Size size, int repeats, int threads);

}  // namespace depthstyle::bench
