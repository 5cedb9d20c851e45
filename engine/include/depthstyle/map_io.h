#pragma once

#include <string>

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// Writes the proximity map (CV_32FC1, brighter = closer): a float TIFF keeps
// the raw values; any other format gets 16-bit (or 8-bit where the format
// has no 16-bit) values min-max normalised to full range.
void saveProximityMap(const std::string& path, const cv::Mat& proximity);

// Writes a map with values in [0,1] (the strength map): float TIFF as is,
// otherwise 16-bit with value x 65535 (8-bit x 255 where the format has no
// 16-bit).
void saveUnitMap(const std::string& path, const cv::Mat& map);

}  // namespace depthstyle
