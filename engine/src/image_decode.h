#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// Pixels as decoded by OpenCV, orientation applied: `color` is BGR (or
// single-channel when `wantGray`) at the file's bit depth; `alpha` the alpha
// channel at the same depth, or empty.
struct DecodedPixels {
    cv::Mat color;
    cv::Mat alpha;
};

// Decodes an image file's bytes. Throws EngineError naming `path`: not an
// image, truncated or damaged, beyond the pixel limit.
DecodedPixels decodeImageBytes(const std::string& path, const std::vector<unsigned char>& bytes,
                               bool wantGray);

}  // namespace depthstyle
