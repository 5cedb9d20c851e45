#include "depthstyle/session.h"

#include <ATen/ATen.h>

#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"
#include "feature_ops.h"
#include "model_networks.h"
#include "tensor_convert.h"

namespace depthstyle {

struct Session::State {
    explicit State(std::shared_ptr<const Models> shared)
        : models(std::move(shared)),
          encoder(models->networks().encoder),
          decoder(models->networks().decoder) {}

    std::shared_ptr<const Models> models;
    const ConvStack& encoder;
    const ConvStack& decoder;

    DepthSource depthSource;
    cv::Mat depthFileProximity;  // a user's map turned into proximity, its own size

    Image content;               // per content
    cv::Mat proximity;           //   at content size; empty until computed
    at::Tensor contentFeatures;  //   undefined until computed
    Image style;                 // per style
    at::Tensor styleFeatures;
    at::Tensor adainTarget;  // per pair
    SessionCounters counters;

    void forgetContent() {
        proximity = cv::Mat();
        contentFeatures = at::Tensor();
        adainTarget = at::Tensor();
    }
};

Session::Session(std::shared_ptr<const Models> models)
    : state_(std::make_unique<State>(std::move(models))) {}
Session::Session(const ModelFiles& files) : Session(Models::load(files)) {}
Session::~Session() = default;

void Session::setContent(const std::string& path, int contentSize) {
    setContent(loadImage(path), contentSize, path);
}

void Session::setContent(const Image& image, int contentSize, const std::string& label) {
    Image scaled = scaleToSmallerSide(image, contentSize, label);
    state_->content = std::move(scaled);
    state_->forgetContent();
}

void Session::setStyle(const std::string& path, int styleSize) {
    setStyle(loadImage(path), styleSize, path);
}

void Session::setStyle(const Image& image, int styleSize, const std::string& label) {
    Image scaled = scaleToSmallerSide(image, styleSize, label);
    state_->style = std::move(scaled);
    state_->styleFeatures = at::Tensor();
    state_->adainTarget = at::Tensor();
}

void Session::setDepthSource(const DepthSource& source) {
    cv::Mat fileProximity;
    if (source.kind == DepthSource::Kind::File) {
        const cv::Mat map = loadGrayMap(source.path);
        fileProximity = source.isDistance ? proximityFromDistance(map) : map;
    }
    state_->depthSource = source;
    state_->depthFileProximity = fileProximity;
    state_->proximity = cv::Mat();
}

bool Session::hasContent() const {
    return !state_->content.empty();
}
bool Session::hasStyle() const {
    return !state_->style.empty();
}
const Image& Session::content() const {
    return state_->content;
}
const Image& Session::style() const {
    return state_->style;
}
SessionCounters Session::counters() const {
    return state_->counters;
}

namespace {

void requireImage(bool present, const char* what) {
    if (!present) {
        throw EngineError(ErrorKind::InvalidArgument, std::string("no ") + what + " image set");
    }
}

}  // namespace

const cv::Mat& Session::proximity(const Progress& progress) {
    requireImage(hasContent(), "content");
    State& s = *state_;
    if (!s.proximity.empty()) {
        return s.proximity;
    }
    cv::Mat computed;
    if (s.depthSource.kind == DepthSource::Kind::File) {
        cv::resize(s.depthFileProximity, computed, s.content.rgb.size(), 0, 0, cv::INTER_LINEAR);
    } else {
        computed = s.models->networks().proximity(s.content.rgb, progress);
        ++s.counters.depthRuns;
    }
    s.proximity = computed;
    return s.proximity;
}

cv::Mat Session::strengthMap(const RenderParams& params, const Progress& progress) {
    validate(params);
    requireImage(hasContent(), "content");
    if (params.strength.method == Method::Adain) {
        const cv::Size grid = featureGridSize(state_->content.rgb.size());
        return depthstyle::strengthMap(cv::Mat(grid, CV_32FC1, cv::Scalar(0)), params.strength);
    }
    const cv::Mat gridProximity = proximityOnFeatureGrid(proximity(progress));
    progress.step(Stage::StrengthMap, 0.0);
    cv::Mat strength = depthstyle::strengthMap(gridProximity, params.strength);
    progress.step(Stage::StrengthMap, 1.0);
    return strength;
}

Image Session::render(const RenderParams& params, const Progress& progress) {
    validate(params);
    requireImage(hasContent(), "content");
    requireImage(hasStyle(), "style");
    State& s = *state_;
    if (!s.contentFeatures.defined()) {
        s.contentFeatures =
            s.encoder.forward(imageToTensor(s.content.rgb), Stage::ContentEncoding, progress);
        ++s.counters.contentEncodings;
    }
    if (!s.styleFeatures.defined()) {
        s.styleFeatures =
            s.encoder.forward(imageToTensor(s.style.rgb), Stage::StyleEncoding, progress);
        ++s.counters.styleEncodings;
    }
    if (!s.adainTarget.defined()) {
        progress.step(Stage::AdaIN, 0.0);
        s.adainTarget = adainTarget(s.contentFeatures, s.styleFeatures);
        ++s.counters.adainTargets;
        progress.step(Stage::AdaIN, 1.0);
    }
    const at::Tensor strength = mapToTensor(strengthMap(params, progress));
    const at::Tensor decoded =
        s.decoder.forward(blendFeatures(s.contentFeatures, s.adainTarget, strength),
                          Stage::Decoding, progress, params.decoderPrecision);
    ++s.counters.decodings;
    Image result;
    result.rgb = tensorToImage(decoded, s.content.rgb.size());
    result.alpha = s.content.alpha;
    result.sourceBitDepth = s.content.sourceBitDepth;
    return result;
}

void validate(const RenderParams& params) {
    validate(params.strength);
}

}  // namespace depthstyle
