#include "feature_ops.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace depthstyle {
namespace {

constexpr double kVarianceEpsilon = 1e-5;
constexpr int64_t kVarianceRows = 16384;  // 32 MB of relu4_1 rows at a time

// Over the spatial dimensions, without a copy of the features. Channels-last
// features (the encoder's) are a pixels x channels matrix whose rows are
// reduced in memory order; the unbiased variance takes two passes, a block
// of rows at a time (ATen's one-pass variance is 6x slower here).
void meanAndStd(const at::Tensor& features, at::Tensor& mean, at::Tensor& std) {
    const int64_t channels = features.size(1);
    const int64_t count = features.size(2) * features.size(3);
    if (features.size(0) != 1 || count < 2 ||
        !features.is_contiguous(at::MemoryFormat::ChannelsLast)) {
        mean = features.mean({2, 3}, /*keepdim=*/true);
        std = (features.var({2, 3}, /*unbiased=*/true, /*keepdim=*/true) + kVarianceEpsilon).sqrt();
        return;
    }
    const at::Tensor pixels = features.permute({0, 2, 3, 1}).reshape({count, channels});
    const at::Tensor rowMean = pixels.mean(0);
    at::Tensor squares = at::zeros({channels}, pixels.options());
    for (int64_t a = 0; a < count; a += kVarianceRows) {
        const at::Tensor d = pixels.narrow(0, a, std::min(kVarianceRows, count - a)) - rowMean;
        squares.add_(d.mul_(d).sum(0));
    }
    mean = rowMean.view({1, channels, 1, 1});
    std = squares.div_(static_cast<double>(count - 1))
              .add_(kVarianceEpsilon)
              .sqrt_()
              .view({1, channels, 1, 1});
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

AdainTarget AdainTarget::mixed(const std::vector<std::pair<double, const AdainTarget*>>& parts) {
    at::NoGradGuard noGrad;
    TORCH_CHECK(!parts.empty(), "a style mix needs at least one style");
    AdainTarget out;
    out.affine_ = std::make_unique<Affine>();
    const Affine& first = *parts.front().second->affine_;
    out.affine_->contentMean = first.contentMean;
    if (parts.size() == 1 && parts.front().first == 1.0) {
        out.affine_->ratio = first.ratio;
        out.affine_->styleMean = first.styleMean;
        return out;
    }
    for (const auto& [weight, target] : parts) {
        const at::Tensor ratio = target->affine_->ratio * weight;
        const at::Tensor mean = target->affine_->styleMean * weight;
        out.affine_->ratio = out.affine_->ratio.defined() ? out.affine_->ratio + ratio : ratio;
        out.affine_->styleMean =
            out.affine_->styleMean.defined() ? out.affine_->styleMean + mean : mean;
    }
    return out;
}

AdainTarget::AdainTarget() = default;
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

at::Tensor blendFeaturesByDepth(const at::Tensor& contentRows, const AdainTarget& nearTarget,
                                const AdainTarget& farTarget, const at::Tensor& proximityRows,
                                const at::Tensor& strengthRows) {
    at::NoGradGuard noGrad;
    const at::Tensor far = farTarget.on(contentRows);
    // t_far + q (t_near - t_far): exactly t_far when the two are equal.
    const at::Tensor t = nearTarget.on(contentRows).sub_(far).mul_(proximityRows).add_(far);
    return contentRows.sub(t).mul_(strengthRows).add_(t);
}

}  // namespace depthstyle
