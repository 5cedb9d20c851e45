#pragma once

#include "torch_fwd.h"

#include <memory>
#include <utility>
#include <vector>

namespace depthstyle {

// AdaIN (eq. 1) as the decoder was trained with it: per-channel mean and
// standard deviation over all spatial positions, the variance unbiased plus
// 1e-5 (the paper's eq. 2 writes the biased one). Per channel the target is
// an affine map of the content features,
//   t = (f - mean_c) * (std_s / std_c) + mean_s = f * scale + shift,
// so only `scale` and `shift` (1 x C x 1 x 1 each) are kept, never a second
// feature-sized tensor. Features are 1 x C x H x W.
class AdainTarget {
public:
    AdainTarget(const at::Tensor& contentFeatures, const at::Tensor& styleFeatures);
    AdainTarget(AdainTarget&&) noexcept;
    AdainTarget& operator=(AdainTarget&&) noexcept;
    ~AdainTarget();

    // Style interpolation in feature space: sum_i w_i AdaIN(f(c), f(s_i)),
    // with the weights as given (callers divide by their sum). Each target
    // is the same affine map of f(c) with its own ratio and style mean, so
    // the mix is one too: ratio sum w_i r_i, mean sum w_i mu_i. A single
    // target with weight 1 gives that target exactly.
    static AdainTarget mixed(const std::vector<std::pair<double, const AdainTarget*>>& parts);

    // The target for some rows of the content features.
    at::Tensor on(const at::Tensor& contentRows) const;

private:
    AdainTarget();
    struct Affine;
    std::unique_ptr<Affine> affine_;
};

// Eq. 5 on rows of the feature grid: P * f(c) + (1 - P) * AdaIN target, with
// the strength map's rows P (1 x 1 x rows x W) broadcast over the channels.
// Eq. 4 is the same with a uniform P = alpha.
at::Tensor blendFeatures(const at::Tensor& contentRows, const AdainTarget& target,
                         const at::Tensor& strengthRows);

// Styles by depth: the AdaIN target t = t_far + q (t_near - t_far) per cell,
// q the cell's normalised proximity (1 x 1 x rows x W; 1 nearest), then eq. 5
// as blendFeatures(). Two equal targets give exactly blendFeatures().
at::Tensor blendFeaturesByDepth(const at::Tensor& contentRows, const AdainTarget& nearTarget,
                                const AdainTarget& farTarget, const at::Tensor& proximityRows,
                                const at::Tensor& strengthRows);

}  // namespace depthstyle
