#pragma once

#include <opencv2/core/mat.hpp>

#include "render_request.h"

namespace depthstyle::ui {

// The live preview while a slider moves: the two cached decodes blended in
// pixel space with the strength map (bilinearly upsampled to image size),
// P * (content decode) + (1 - P) * (full-style decode). Approximate, because
// the decoder is not linear; the exact decode replaces it.
Image previewBlend(const PreviewAnchors& anchors, const cv::Mat& strengthGrid);

}  // namespace depthstyle::ui
