#pragma once

#include <string>

#include <opencv2/core/types.hpp>

#include "depthstyle/image.h"

namespace depthstyle {

// Smallest side, in pixels, that the encoder and decoder accept after
// scaling: relu4_1 must be at least 2x2 for the reflection pads.
constexpr int kMinImageSide = 16;
// Largest image the engine processes after scaling, in pixels.
constexpr long long kMaxProcessPixels = 40'000'000LL;

// The size policy of the reference implementation: scale so that the smaller
// side is `smallerSide` pixels, keeping the aspect ratio (the longer side is
// truncated, as torchvision's Resize does). 0 keeps the original size.
cv::Size scaledSize(cv::Size original, int smallerSide);

// The size `original` scales to, checked: throws EngineError (InvalidArgument
// for a negative size, ImageTooSmall / ImageTooLarge) naming `label` when it
// is outside the supported range. Computed in 64 bits: no size overflows.
cv::Size checkScaledSize(cv::Size original, int smallerSide, const std::string& label);

// `image` at `size` (area averaging when shrinking, bilinear when growing;
// alpha alike); the image itself, shared, when it is that size already.
Image resizedImage(const Image& image, cv::Size size);

// Scales `image` by that policy (area averaging when shrinking, bilinear when
// growing; alpha alike). Throws EngineError (ImageTooSmall / ImageTooLarge)
// naming `label` when the result is outside the supported range.
Image scaleToSmallerSide(const Image& image, int smallerSide, const std::string& label);

// The size of the relu4_1 feature grid for an image: ceil(H/8) x ceil(W/8).
cv::Size featureGridSize(cv::Size imageSize);

}  // namespace depthstyle
