#include "depthstyle/models.h"

#include "model_networks.h"
#include "network_layout.h"

namespace depthstyle {

cv::Mat Models::Networks::proximity(const cv::Mat& rgb, const Progress& progress) const {
    const std::lock_guard<std::mutex> lock(depthMutex_);
    if (!depth_) {
        depth_ = DepthEstimator::load(files.depth);
    }
    return depth_->proximity(rgb, progress);
}

Models::Models(std::unique_ptr<Networks> networks) : networks_(std::move(networks)) {}
Models::~Models() = default;

std::shared_ptr<const Models> Models::load(const ModelFiles& files) {
    auto networks =
        std::make_unique<Networks>(files, ConvStack::load(files.encoder, encoderLayout()),
                                   ConvStack::load(files.decoder, decoderLayout()));
    return std::shared_ptr<const Models>(new Models(std::move(networks)));
}

const ModelFiles& Models::files() const {
    return networks_->files;
}

}  // namespace depthstyle
