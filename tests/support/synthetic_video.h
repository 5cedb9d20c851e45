#pragma once

#include <opencv2/core/mat.hpp>
#include <string>

namespace depthstyle::test {

// A synthetic clip made by the tests: a still background
// (makeContentPicture) and a bright square in front of it, moving from the
// left edge to the right over the clip. 8-bit BGR.
cv::Mat syntheticClipFrame(int index, int frames, cv::Size size);

// The pixels the moving square never covers, with a margin of one feature
// cell (8 px) around its path: the clip's still part (CV_8UC1, 255 = still).
cv::Mat syntheticClipStillPart(int frames, cv::Size size);

// Writes the clip with OpenCV's video I/O (.avi: Motion JPEG, else
// MPEG-4 Part 2); false when it could not.
bool writeSyntheticClip(const std::string& path, int frames, cv::Size size, double fps);

}  // namespace depthstyle::test
