#include "feature_ops.h"

#include <ATen/ATen.h>

namespace depthstyle {
namespace {

constexpr double kVarianceEpsilon = 1e-5;

// Over the spatial dimensions of any memory layout, without a copy.
void meanAndStd(const at::Tensor& features, at::Tensor& mean, at::Tensor& std) {
    mean = features.mean({2, 3}, /*keepdim=*/true);
    std = (features.var({2, 3}, /*unbiased=*/true, /*keepdim=*/true) + kVarianceEpsilon).sqrt();
}

}  // namespace

at::Tensor adainTarget(const at::Tensor& contentFeatures, const at::Tensor& styleFeatures) {
    at::NoGradGuard noGrad;
    at::Tensor contentMean, contentStd, styleMean, styleStd;
    meanAndStd(contentFeatures, contentMean, contentStd);
    meanAndStd(styleFeatures, styleMean, styleStd);
    // One full-size allocation: (x - mean) * (styleStd / contentStd) + styleMean.
    return contentFeatures.sub(contentMean).mul_(styleStd / contentStd).add_(styleMean);
}

at::Tensor blendFeatures(const at::Tensor& contentFeatures, const at::Tensor& target,
                         const at::Tensor& strength) {
    at::NoGradGuard noGrad;
    // P * f(c) + (1 - P) * t = t + P * (f(c) - t), in one allocation.
    return contentFeatures.sub(target).mul_(strength).add_(target);
}

}  // namespace depthstyle
