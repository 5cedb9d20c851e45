#pragma once

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// Parameters of Algorithm 1 (Kitov et al. 2020): prominence beta >= 0 and
// offset epsilon in [0,1]. The paper recommends beta = 20, epsilon = 0.15.
struct StrengthParams {
    double beta = 20.0;
    double epsilon = 0.15;
};

// Step 2 of Algorithm 1 for maps where larger means farther (a depth map):
// proximity = max(D) - D. MiDaS already gives proximity and skips this.
cv::Mat proximityFromDistance(const cv::Mat& distance);

// Step 3: proximity (CV_32FC1, image size) averaged over the 8x8 pixel block
// of each relu4_1 feature cell; partial blocks at the right and bottom edges
// average the pixels they have.
cv::Mat proximityOnFeatureGrid(const cv::Mat& proximity);

// Steps 4-7 on a proximity map already on the feature grid:
//   4: P := (P - min P) / (max P - min P)
//   5: P := P - mean P
//   6: P := 1 / (1 + exp(-beta P))
//   7: P := min(P, 1 - epsilon)
// A flat map (max == min) has no spread to normalise: step 4 gives 0
// everywhere, so the strength is 0.5 everywhere (at most 1 - epsilon).
// Throws EngineError(InvalidArgument) for beta < 0 or epsilon outside [0,1].
cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthParams& params);

// The strength map at image size: each 8x8 block holds its feature cell's
// exact value, cropped to `imageSize`.
cv::Mat strengthMapAtImageSize(const cv::Mat& strength, cv::Size imageSize);

}  // namespace depthstyle
