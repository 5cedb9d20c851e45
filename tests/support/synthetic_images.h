#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace depthstyle::test {

// Deterministic test pictures made by the tests themselves (8-bit BGR unless
// said otherwise): smooth colour gradients with shapes, so that every
// region differs from its neighbours.
cv::Mat makeContentPicture(int width, int height);
cv::Mat makeStylePicture(int width, int height);
// A proximity map (CV_32FC1 in [0,1], brighter = closer): a vertical ramp
// with a bright disc, as a landscape with a near object.
cv::Mat makeProximityPicture(int width, int height);

// Writes with cv::imwrite and fails the calling test (returns false) when it
// could not.
bool writePicture(const std::string& path, const cv::Mat& pixels);

// A JPEG of `pixels` with an EXIF APP1 segment carrying `orientation` (1-8).
std::vector<unsigned char> jpegWithOrientation(const cv::Mat& pixels, int orientation);
// A PNG of `pixels` (BGR or BGRA) with an eXIf chunk carrying `orientation`.
std::vector<unsigned char> pngWithOrientation(const cv::Mat& pixels, int orientation);
// A lossless WebP of `pixels` (BGR or BGRA) in the extended format, with an
// EXIF chunk carrying `orientation`.
std::vector<unsigned char> webpWithOrientation(const cv::Mat& pixels, int orientation);

}  // namespace depthstyle::test
