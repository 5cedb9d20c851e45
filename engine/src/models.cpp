#include "depthstyle/models.h"

#include "depthstyle/engine_error.h"
#include "depthstyle/run_trace.h"

#include "model_manifest.h"
#include "model_networks.h"
#include "network_layout.h"

namespace depthstyle {
namespace {

// Checks a model file against its set's manifest, then loads the very file
// checked (its real path); errors name the file as the caller gave it.
template <typename Load>
auto loadChecked(const std::string& given, Load load) {
    const std::string real = checkedModelFile(given);
    try {
        return load(real);
    } catch (const EngineError& e) {
        if (real != given && e.file() == real) {
            throw EngineError(e.kind(), given, e.reason());
        }
        throw;
    }
}

}  // namespace

const DepthEstimator& Models::Networks::depthNetwork() const {
    if (!depth_) {
        const trace::Part part("depth model loading");
        depth_ = loadChecked(files.depth,
                             [](const std::string& path) { return DepthEstimator::load(path); });
    }
    return *depth_;
}

cv::Mat Models::Networks::proximity(const cv::Mat& rgb, const Progress& progress) const {
    // Progress is reported outside the lock: a report may wait (the app's
    // export lane waits there for its preview lane, which may need the
    // depth network too). Inside, only cancellation is honoured.
    {
        const std::lock_guard<std::mutex> lock(depthMutex_);
        depthNetwork();  // loaded once, never let go
    }
    progress.step(Stage::Depth, 0.0);
    Progress quiet;
    quiet.cancel = progress.cancel;
    cv::Mat proximity;
    {
        const std::lock_guard<std::mutex> lock(depthMutex_);
        const trace::Muted muted;  // its stage is marked here, outside the lock
        proximity = depth_->proximity(rgb, quiet);
    }
    progress.step(Stage::Depth, 1.0);
    return proximity;
}

void Models::Networks::loadDepthNetwork() const {
    const std::lock_guard<std::mutex> lock(depthMutex_);
    depthNetwork();
}

Models::Models(std::unique_ptr<Networks> networks) : networks_(std::move(networks)) {}
Models::~Models() = default;

std::shared_ptr<const Models> Models::load(const ModelFiles& files) {
    const trace::Part part("model loading");
    auto encoder = loadChecked(files.encoder, [](const std::string& path) {
        return ConvStack::load(path, encoderLayout());
    });
    auto decoder = loadChecked(files.decoder, [](const std::string& path) {
        return ConvStack::load(path, decoderLayout());
    });
    auto networks = std::make_unique<Networks>(files, std::move(encoder), std::move(decoder));
    return std::shared_ptr<const Models>(new Models(std::move(networks)));
}

const ModelFiles& Models::files() const {
    return networks_->files;
}

size_t Models::kernelsMade(Precision decoderPrecision) const {
    return networks_->encoder.kernelCount(Precision::Float32) +
           networks_->decoder.kernelCount(decoderPrecision);
}

}  // namespace depthstyle
