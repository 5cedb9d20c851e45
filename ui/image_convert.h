#pragma once

#include <QImage>
#include <opencv2/core/mat.hpp>

#include "depthstyle/image.h"

namespace depthstyle::ui {

// The longer side of what the panes draw: about a screen, so that showing
// and blending cost the same at any working size.
inline constexpr int kPreviewProxySide = 1600;

// The engine's float RGB (and alpha) as an 8-bit QImage.
QImage toQImage(const Image& image);
// The same, scaled down (area averaging) to at most `maxSide` a side.
QImage toDisplayQImage(const Image& image, int maxSide = kPreviewProxySide);
// A map with values in [0,1] as an 8-bit grayscale QImage.
QImage unitMapToQImage(const cv::Mat& map);
// A proximity map (any range) min-max normalised through a perceptual colour
// map (far = dark blue, near = red).
QImage proximityToQImage(const cv::Mat& proximity);
// The colour map's legend: a horizontal gradient from 0 to 1.
QImage proximityLegend(int width, int height);
// A QImage (any format) as an engine image (float RGB, alpha kept).
Image fromQImage(const QImage& image);

}  // namespace depthstyle::ui
