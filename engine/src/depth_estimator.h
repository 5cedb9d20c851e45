#pragma once

#include <memory>
#include <string>

#include <opencv2/core/mat.hpp>

#include "depthstyle/progress.h"

namespace depthstyle {

// MiDaS v2.1 small from the published TorchScript file.
class DepthEstimator {
public:
    // Throws EngineError(ModelMissing / ModelInvalid) naming the file.
    static DepthEstimator load(const std::string& path);

    DepthEstimator(DepthEstimator&&) noexcept;
    DepthEstimator& operator=(DepthEstimator&&) noexcept;
    ~DepthEstimator();

    // The proximity map (MiDaS's relative inverse depth, larger = closer) of
    // an RGB float image, at the image's size (CV_32FC1, raw values).
    cv::Mat proximity(const cv::Mat& rgb, const Progress& progress) const;

    static constexpr int kInputSide = 256;

private:
    struct Model;
    explicit DepthEstimator(std::unique_ptr<Model> model);
    std::unique_ptr<Model> model_;
};

// The network input as MiDaS's own example prepares it: the whole image
// resized to 256 x 256 (aspect not kept, bicubic), ImageNet mean and std.
// Returns CV_32FC3 256 x 256, normalised RGB.
cv::Mat midasInput(const cv::Mat& rgb);

}  // namespace depthstyle
