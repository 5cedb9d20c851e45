#pragma once

#include <mutex>
#include <optional>

#include "conv_stack.h"
#include "depth_estimator.h"
#include "depthstyle/models.h"

namespace depthstyle {

struct Models::Networks {
    Networks(ModelFiles modelFiles, ConvStack encoderStack, ConvStack decoderStack)
        : files(std::move(modelFiles)),
          encoder(std::move(encoderStack)),
          decoder(std::move(decoderStack)) {}

    const ModelFiles files;
    const ConvStack encoder;
    const ConvStack decoder;

    // MiDaS's proximity map of an RGB image (DepthEstimator::proximity). The
    // network is loaded on first use; a failed load is not kept, so a later
    // call (after the file was installed) tries again. One image at a time:
    // the TorchScript module is not shared between threads.
    cv::Mat proximity(const cv::Mat& rgb, const Progress& progress) const;
    // Loads the depth network now, ahead of the first proximity(). Throws as
    // proximity() would.
    void loadDepthNetwork() const;

private:
    // With depthMutex_ held.
    const DepthEstimator& depthNetwork() const;

    mutable std::mutex depthMutex_;
    mutable std::optional<DepthEstimator> depth_;
};

}  // namespace depthstyle
