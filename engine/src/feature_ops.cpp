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

struct AdainTarget::Affine {
    at::Tensor contentMean;
    at::Tensor ratio;  // std_s / std_c
    at::Tensor styleMean;
};

AdainTarget::AdainTarget(const at::Tensor& contentFeatures, const at::Tensor& styleFeatures)
    : affine_(std::make_unique<Affine>()) {
    at::NoGradGuard noGrad;
    at::Tensor contentStd, styleStd;
    meanAndStd(contentFeatures, affine_->contentMean, contentStd);
    meanAndStd(styleFeatures, affine_->styleMean, styleStd);
    affine_->ratio = styleStd / contentStd;
}

AdainTarget::AdainTarget(AdainTarget&&) noexcept = default;
AdainTarget& AdainTarget::operator=(AdainTarget&&) noexcept = default;
AdainTarget::~AdainTarget() = default;

at::Tensor AdainTarget::on(const at::Tensor& contentRows) const {
    at::NoGradGuard noGrad;
    // The same operations, in the same order, as on the whole tensor.
    return contentRows.sub(affine_->contentMean).mul_(affine_->ratio).add_(affine_->styleMean);
}

at::Tensor blendFeatures(const at::Tensor& contentRows, const AdainTarget& target,
                         const at::Tensor& strengthRows) {
    at::NoGradGuard noGrad;
    const at::Tensor t = target.on(contentRows);
    // P * f(c) + (1 - P) * t = t + P * (f(c) - t).
    return contentRows.sub(t).mul_(strengthRows).add_(t);
}

}  // namespace depthstyle
