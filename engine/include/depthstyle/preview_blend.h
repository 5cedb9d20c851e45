#pragma once

#include <opencv2/core/mat.hpp>

#include "depthstyle/image.h"

namespace depthstyle {

// The live preview while a slider moves, without the network: two cached
// decodes of the same content and style blended in pixel space with a
// strength map on the feature grid (bilinearly upsampled to image size,
// cell centres at the 8x8 block centres):
//   P * contentDecode + (1 - P) * styleDecode
// where `styleDecode` is plain AdaIN with P = 0 (full style) and
// `contentDecode` the decode with P = 1 (the content reconstructed).
// Approximate, because the decoder is not linear; the exact decode replaces
// it. The decodes may be a smaller proxy of a picture of `pictureSize`
// (empty: the decodes' own size), whose feature grid `strengthGrid` is; the
// map is then upsampled to the proxy with the same geometry. Returns an
// empty image when either decode or the map is empty or the sizes disagree.
// Alpha comes from `styleDecode`.
Image previewBlend(const Image& styleDecode, const Image& contentDecode,
                   const cv::Mat& strengthGrid, cv::Size pictureSize = cv::Size());

// A proxy size for the live preview: `pictureSize` scaled down (aspect kept)
// so that its longer side is at most `maxSide`; unchanged when it fits.
cv::Size previewProxySize(cv::Size pictureSize, int maxSide);

}  // namespace depthstyle
