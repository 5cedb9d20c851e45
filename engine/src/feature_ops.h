#pragma once

#include "torch_fwd.h"

namespace depthstyle {

// AdaIN (eq. 1) as the decoder was trained with it: per-channel mean and
// standard deviation over all spatial positions, the variance unbiased plus
// 1e-5 (the paper's eq. 2 writes the biased one). Features are 1 x C x H x W.
at::Tensor adainTarget(const at::Tensor& contentFeatures, const at::Tensor& styleFeatures);

// Eq. 5: P * f(c) + (1 - P) * AdaIN target, with the strength map P as a
// 1 x 1 x H x W tensor broadcast over the channels. Eq. 4 is the same with a
// uniform P = alpha.
at::Tensor blendFeatures(const at::Tensor& contentFeatures, const at::Tensor& target,
                         const at::Tensor& strength);

}  // namespace depthstyle
