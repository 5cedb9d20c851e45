#pragma once

#include <optional>
#include <string>

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// Keeping the photo's colours (RenderParams::preserveColor):
//   None:           the style's colours, as AdaIN paints them.
//   StyleToContent: the style image is recoloured before it is encoded so
//                   that its colour mean and covariance equal the content's
//                   (matchColorStatistics()).
//   Luminance:      the result keeps its luma Y' and takes the content's
//                   chroma (keepContentChroma()).
enum class ColorPreservation { None, StyleToContent, Luminance };

const char* colorPreservationName(ColorPreservation mode);  // none, style-to-content, luminance
std::optional<ColorPreservation> colorPreservationFromName(const std::string& name);

// The style's pixels (CV_32FC3) mapped by x' = L_c L_s^-1 (x - mu_s) + mu_c,
// where mu are the per-channel means over all pixels and L the Cholesky
// factors of the 3x3 colour covariances (C = L L^T) of the style (s) and the
// content (c). The result's mean is mu_c and its covariance C_c exactly
// (before rounding), and scaling a style's channels by positive factors or
// shifting them changes nothing (L of D C D is D L). A covariance that is
// not positive definite (a flat or one-colour picture) gets 1e-6 added to
// its diagonal. Values are not clipped: the encoder takes them as they are.
cv::Mat matchColorStatistics(const cv::Mat& style, const cv::Mat& content);

// BT.601 Y'CbCr on the pictures' sRGB values (CV_32FC3 in [0,1], same
// size): Y' = 0.299 R + 0.587 G + 0.114 B from `result`, Cb = (B - Y') /
// 1.772 and Cr = (R - Y') / 1.402 from `content`, back to RGB and clipped to
// [0,1]. In place.
void keepContentChroma(cv::Mat& result, const cv::Mat& content);

}  // namespace depthstyle
