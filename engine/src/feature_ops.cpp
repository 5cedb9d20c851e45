#include "feature_ops.h"

#include <ATen/ATen.h>

namespace depthstyle {
namespace {

constexpr double kVarianceEpsilon = 1e-5;

void meanAndStd(const at::Tensor& features, at::Tensor& mean, at::Tensor& std) {
    const at::Tensor flat = features.flatten(2);  // 1 x C x HW
    mean = flat.mean(2, /*keepdim=*/true).unsqueeze(3);
    std = (flat.var(2, /*unbiased=*/true, /*keepdim=*/true) + kVarianceEpsilon).sqrt().unsqueeze(3);
}

}  // namespace

at::Tensor adainTarget(const at::Tensor& contentFeatures, const at::Tensor& styleFeatures) {
    at::NoGradGuard noGrad;
    at::Tensor contentMean, contentStd, styleMean, styleStd;
    meanAndStd(contentFeatures, contentMean, contentStd);
    meanAndStd(styleFeatures, styleMean, styleStd);
    return (contentFeatures - contentMean) / contentStd * styleStd + styleMean;
}

at::Tensor blendFeatures(const at::Tensor& contentFeatures, const at::Tensor& target,
                         const at::Tensor& strength) {
    at::NoGradGuard noGrad;
    return target + strength * (contentFeatures - target);
}

}  // namespace depthstyle
