#include "depthstyle/session.h"

#include <cstring>

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <tuple>
#include <vector>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/memory_estimate.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/run_trace.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/threads.h"
#include "depthstyle/tiling.h"
#include "feature_ops.h"
#include "model_networks.h"
#include "render_preparation.h"
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

    Image content;                 // per content
    cv::Size contentSize;          //   kept when its pixels are let go
    cv::Size originalContentSize;  // before scaling
    std::string contentLabel;      //   the file (or name) messages give
    bool releaseContentPixels = false;
    cv::Mat proximity;            //   at content size; empty until computed
    StrengthBasis strengthBasis;  //   its adjusted grid and override, for P
    at::Tensor contentFeatures;   //   undefined until computed
    // Per style: the scaled image, its features and the pair's AdaIN
    // target, as the style is (side 0) and recoloured to the content's
    // colours (side 1).
    struct StyleSide {
        at::Tensor features;
        std::optional<AdainTarget> adainTarget;
    };
    struct StyleEntry {
        Image image;
        std::string label;
        StyleSide sides[2];
    };
    std::vector<StyleEntry> styles;
    // Batch work: the plain features of the last few styles encoded, found
    // again by their scaled pixels when a style is set once more.
    struct RememberedStyle {
        cv::Mat rgb;
        at::Tensor features;
    };
    size_t styleMemory = 0;
    std::vector<RememberedStyle> rememberedStyles;
    SessionCounters counters;
    // render()'s memory check as prepareRender() passed it: the content's
    // size, the largest style's and the pictures' bytes.
    std::optional<std::tuple<cv::Size, cv::Size, std::uint64_t>> fitChecked;
    // The decoder work prepareRender() last prepared (its input sizes, its
    // precision, the stripe budget): asked again for only that, it returns.
    std::optional<std::tuple<std::vector<int64_t>, Precision, double>> preparedDecoding;

    at::Tensor rememberedFeatures(const cv::Mat& rgb) const {
        for (const RememberedStyle& style : rememberedStyles) {
            if (samePixels(style.rgb, rgb)) {
                return style.features;
            }
        }
        return {};
    }
    void remember(const cv::Mat& rgb, const at::Tensor& features) {
        if (styleMemory == 0 || rememberedFeatures(rgb).defined()) {
            return;
        }
        rememberedStyles.push_back({rgb, features});
        if (rememberedStyles.size() > styleMemory) {
            rememberedStyles.erase(rememberedStyles.begin());
        }
    }
    static bool samePixels(const cv::Mat& a, const cv::Mat& b) {
        if (a.size() != b.size() || a.type() != b.type()) {
            return false;
        }
        for (int row = 0; row < a.rows; ++row) {
            if (std::memcmp(a.ptr(row), b.ptr(row), a.cols * a.elemSize()) != 0) {
                return false;
            }
        }
        return true;
    }

    void forgetContent() {
        proximity = cv::Mat();
        strengthBasis = StrengthBasis();
        contentFeatures = at::Tensor();
        for (StyleEntry& style : styles) {
            style.sides[0].adainTarget.reset();
            style.sides[1] = StyleSide();  // recoloured to the content's colours
        }
    }
};

Session::Session(std::shared_ptr<const Models> models)
    : state_(std::make_unique<State>(std::move(models))) {}
Session::Session(const ModelFiles& files) : Session(Models::load(files)) {}
Session::~Session() = default;

namespace {

bool isAllocationFailure(const std::string& message) {
    return message.find("can't allocate memory") != std::string::npos ||
           message.find("Cannot allocate memory") != std::string::npos ||
           message.find("Failed to allocate") != std::string::npos;
}

[[noreturn]] void throwOutOfMemory(const std::string& label, const std::string& doing) {
    throwFileError(
        ErrorKind::OutOfMemory, label,
        "out of memory " + doing + "; choose a smaller content size, or close other programs");
}

// Runs `work`; an allocation that fails inside it (the C++ library's,
// LibTorch's or OpenCV's) becomes one line naming `label`, the size and
// what to lower, instead of a library's stack trace.
template <typename Work>
auto reportingOutOfMemory(const std::string& label, const std::string& doing, Work&& work)
    -> decltype(work()) {
    try {
        return work();
    } catch (const EngineError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throwOutOfMemory(label, doing);
    } catch (const c10::Error& e) {
        if (isAllocationFailure(e.what_without_backtrace())) {
            throwOutOfMemory(label, doing);
        }
        throw;
    } catch (const cv::Exception& e) {
        if (e.code == cv::Error::StsNoMem || isAllocationFailure(e.what())) {
            throwOutOfMemory(label, doing);
        }
        throw;
    }
}

// The allocator keeps freed memory for speed (allocator_tuning.cpp); after
// the content's encoding over a large picture, its stripes would stay
// resident under the decoder's peak. Given back instead, above 4 megapixels.
// After decoding only for one-shot work (the CLI, before it saves): in the
// app that is the live preview's path, and a trim locks the allocator for
// every thread, the window's too.
void releaseAfterLargeWork(cv::Size size) {
    if (static_cast<double>(size.width) * size.height >= 4e6) {
        releaseFreeMemory();
    }
}

std::string sizeText(cv::Size size) {
    return std::to_string(size.width) + "x" + std::to_string(size.height);
}

}  // namespace

void Session::setContent(const std::string& path, int contentSize) {
    setContent(
        reportingOutOfMemory(path, "while decoding the image", [&] { return loadImage(path); }),
        contentSize, path);
}

void Session::setContent(const Image& image, int contentSize, const std::string& label) {
    Image scaled = reportingOutOfMemory(label, "while scaling the image", [&] {
        return scaleToSmallerSide(image, contentSize, label);
    });
    state_->content = std::move(scaled);
    state_->contentSize = state_->content.rgb.size();
    state_->originalContentSize = image.rgb.size();
    state_->contentLabel = label;
    state_->forgetContent();
}

void Session::setStyle(const std::string& path, int styleSize) {
    setStyle(
        reportingOutOfMemory(path, "while decoding the image", [&] { return loadImage(path); }),
        styleSize, path);
}

void Session::setStyle(const Image& image, int styleSize, const std::string& label) {
    setStyleAt(0, image, styleSize, label);
    setStyleCount(1);
}

void Session::setStyleAt(size_t index, const Image& image, int styleSize,
                         const std::string& label) {
    Image scaled = reportingOutOfMemory(label, "while scaling the image", [&] {
        return scaleToSmallerSide(image, styleSize, label);
    });
    if (index >= state_->styles.size()) {
        state_->styles.resize(index + 1);
    }
    State::StyleEntry& entry = state_->styles[index];
    entry = State::StyleEntry();
    entry.image = std::move(scaled);
    entry.label = label;
    entry.sides[0].features = state_->rememberedFeatures(entry.image.rgb);
}

void Session::rememberStyleFeatures(size_t count) {
    state_->styleMemory = count;
    if (state_->rememberedStyles.size() > count) {
        state_->rememberedStyles.erase(state_->rememberedStyles.begin(),
                                       state_->rememberedStyles.end() - long(count));
    }
}

void Session::setStyleCount(size_t count) {
    if (count < state_->styles.size()) {
        state_->styles.resize(count);
    }
}

size_t Session::styleCount() const {
    return state_->styles.size();
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
    state_->strengthBasis = StrengthBasis();
}

void Session::releaseContentPixelsWhenEncoded(bool release) {
    state_->releaseContentPixels = release;
}

bool Session::hasContent() const {
    return !state_->contentSize.empty();
}
cv::Size Session::contentSize() const {
    return state_->contentSize;
}
cv::Size Session::originalContentSize() const {
    return state_->originalContentSize;
}
bool Session::hasStyle() const {
    return !state_->styles.empty() &&
           std::all_of(state_->styles.begin(), state_->styles.end(),
                       [](const State::StyleEntry& e) { return !e.image.empty(); });
}
const Image& Session::content() const {
    return state_->content;
}
const Image& Session::style(size_t index) const {
    static const Image none;
    return index < state_->styles.size() ? state_->styles[index].image : none;
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

void requireStyleCount(const StyleMix& mix, size_t styles) {
    if (!styleMixFits(mix, styles)) {
        throw EngineError(ErrorKind::InvalidArgument,
                          mix.kind == StyleMix::Kind::NearFar
                              ? "near and far styles need exactly two style images"
                              : "give one style weight per style image");
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
        cv::resize(s.depthFileProximity, computed, s.contentSize, 0, 0, cv::INTER_LINEAR);
    } else if (s.content.rgb.empty()) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "the content's pixels were let go after encoding; set the content again");
    } else {
        computed = s.models->networks().proximity(s.content.rgb, progress);
        ++s.counters.depthRuns;
    }
    s.proximity = computed;
    s.strengthBasis.setProximity(computed);
    return s.proximity;
}

const cv::Mat& Session::adjustedProximity(const StrengthSettings& settings,
                                          const Progress& progress) {
    proximity(progress);
    state_->strengthBasis.update(settings);
    return state_->strengthBasis.adjusted();
}

cv::Mat Session::strengthMap(const RenderParams& params, const Progress& progress) {
    validate(params);
    requireImage(hasContent(), "content");
    if (params.strength.method == Method::Adain) {
        const cv::Size grid = featureGridSize(state_->contentSize);
        return depthstyle::strengthMap(cv::Mat(grid, CV_32FC1, cv::Scalar(0)), params.strength);
    }
    proximity(progress);
    progress.step(Stage::StrengthMap, 0.0);
    cv::Mat strength = state_->strengthBasis.strength(params.strength);
    progress.step(Stage::StrengthMap, 1.0);
    return strength;
}

Image Session::render(const RenderParams& params, const Progress& progress) {
    validate(params);
    requireImage(hasContent(), "content");
    requireImage(hasStyle(), "style");
    requireStyleCount(params.styles, styleCount());
    const cv::Size size = state_->contentSize;
    if (!state_->contentFeatures.defined()) {
        requireRenderFits();
    }
    state_->fitChecked.reset();
    return reportingOutOfMemory(state_->contentLabel, "while rendering at " + sizeText(size),
                                [&] { return renderWithinMemory(params, progress); });
}

void Session::requireRenderFits() {
    State& s = *state_;
    // Before the big allocations: refused in one line when it cannot fit.
    // The loaded pictures count: they are part of the estimate.
    const auto bytes = [](const Image& image) {
        return static_cast<std::uint64_t>(image.rgb.total() * image.rgb.elemSize() +
                                          image.alpha.total() * image.alpha.elemSize());
    };
    std::uint64_t loaded = bytes(s.content);
    cv::Size largestStyle;
    for (const State::StyleEntry& style : s.styles) {
        loaded += bytes(style.image);
        if (style.image.rgb.total() > static_cast<size_t>(largestStyle.area())) {
            largestStyle = style.image.rgb.size();
        }
    }
    const auto checked = std::make_tuple(s.contentSize, largestStyle, loaded);
    if (s.fitChecked == checked) {
        return;
    }
    requireMemoryForRender(s.contentSize, largestStyle, s.contentLabel, loaded);
    s.fitChecked = checked;
}

void Session::prepareRender(const RenderParams& params) {
    State& s = *state_;
    if (!hasContent() || !hasStyle()) {
        return;
    }
    try {
        // What render() refuses is not prepared: it refuses it the same way.
        validate(params);
        requireStyleCount(params.styles, styleCount());
        if (!s.contentFeatures.defined()) {
            requireRenderFits();  // before the network and weights take memory
        }
    } catch (const EngineError&) {
        return;
    }
    const auto inputSizes = [](const cv::Mat& rgb) {
        return std::vector<int64_t>{1, rgb.channels(), rgb.rows, rgb.cols};
    };
    RenderWork work;
    if (s.contentFeatures.defined()) {
        work.contentFeatures = s.contentFeatures.sizes().vec();
    } else if (!s.content.rgb.empty()) {
        work.content = inputSizes(s.content.rgb);
    }
    const bool recolour = params.preserveColor == ColorPreservation::StyleToContent;
    // The styles the render encodes: near and far, or those weighted.
    std::vector<size_t> used{0, 1};
    if (params.styles.kind == StyleMix::Kind::Weights) {
        used.clear();
        for (const auto& [index, weight] : normalisedWeights(params.styles, s.styles.size())) {
            used.push_back(index);
        }
    }
    for (const size_t index : used) {
        const State::StyleEntry& style = s.styles.at(index);
        if (!style.sides[recolour ? 1 : 0].features.defined() && !style.image.rgb.empty()) {
            work.styles.push_back(inputSizes(style.image.rgb));
        }
    }
    work.decoderPrecision = params.decoderPrecision;
    const bool depth =
        params.strength.method == Method::DaAdain || params.styles.kind == StyleMix::Kind::NearFar;
    const bool loadDepth =
        depth && s.proximity.empty() && s.depthSource.kind != DepthSource::Kind::File;
    // Planning alone costs milliseconds (the stripes run on shapes): a
    // slider's re-decode asks again with nothing new to make.
    const double budget = stripeBudgetBytes();
    if (work.content.empty() && work.styles.empty() && !loadDepth &&
        s.preparedDecoding ==
            std::make_tuple(work.contentFeatures, work.decoderPrecision, budget)) {
        return;
    }
    if (loadDepth) {
        work.loadDepthNetwork = [&s] { s.models->networks().loadDepthNetwork(); };
    }
    s.preparedDecoding.reset();
    try {
        const std::vector<int64_t> decoding =
            prepareRenderWork(s.encoder, s.decoder, work, computeThreads());
        if (!decoding.empty()) {
            s.preparedDecoding = std::make_tuple(decoding, work.decoderPrecision, budget);
        }
    } catch (const std::exception&) {
        // out of memory, say: render() meets it and reports it in its words
    }
}

Image Session::renderWithinMemory(const RenderParams& params, const Progress& progress) {
    State& s = *state_;
    if (!s.contentFeatures.defined()) {
        s.contentFeatures =
            s.encoder.forward(imageTensorView(s.content.rgb), Stage::ContentEncoding, progress);
        ++s.counters.contentEncodings;
        releaseAfterLargeWork(s.contentSize);
    }
    const bool recolour = params.preserveColor == ColorPreservation::StyleToContent;
    const auto targetOf = [&](size_t index) -> const AdainTarget& {
        State::StyleEntry& style = s.styles[index];
        State::StyleSide& side = style.sides[recolour ? 1 : 0];
        if (!side.features.defined()) {
            if (recolour && s.content.rgb.empty()) {
                throw EngineError(ErrorKind::InvalidArgument,
                                  "the content's pixels were let go; set the content again");
            }
            const cv::Mat styleRgb =
                recolour ? matchColorStatistics(style.image.rgb, s.content.rgb) : style.image.rgb;
            side.features =
                s.encoder.forward(imageTensorView(styleRgb), Stage::StyleEncoding, progress);
            ++s.counters.styleEncodings;
            if (!recolour) {
                s.remember(style.image.rgb, side.features);
            }
        }
        if (!side.adainTarget) {
            progress.step(Stage::AdaIN, 0.0);
            side.adainTarget.emplace(s.contentFeatures, side.features);
            ++s.counters.adainTargets;
            progress.step(Stage::AdaIN, 1.0);
        }
        return *side.adainTarget;
    };
    const at::Tensor strength = mapToTensor(strengthMap(params, progress));
    // Eq. 5 stripe by stripe as the decoder reads it: the blended features
    // are never held whole (at 40 megapixels they would take 1.3 GB).
    const at::Tensor& features = s.contentFeatures;
    std::optional<AdainTarget> mix;
    InputRows blended{features.size(1), features.size(2), features.size(3), nullptr, nullptr};
    at::Tensor proximityRows;
    if (params.styles.kind == StyleMix::Kind::NearFar) {
        // Near gets style 0, far style 1, by Algorithm 1's step-4 proximity.
        const AdainTarget& nearTarget = targetOf(0);
        const AdainTarget& farTarget = targetOf(1);
        proximity(progress);
        s.strengthBasis.update(params.strength);
        proximityRows = mapToTensor(s.strengthBasis.normalisedGrid());
        blended.rows = [&, nearTarget = &nearTarget, farTarget = &farTarget](int64_t a, int64_t b) {
            const trace::Part part("blend");
            return blendFeaturesByDepth(features.narrow(2, a, b - a), *nearTarget, *farTarget,
                                        proximityRows.narrow(2, a, b - a),
                                        strength.narrow(2, a, b - a));
        };
    } else {
        std::vector<std::pair<double, const AdainTarget*>> parts;
        for (const auto& [index, weight] : normalisedWeights(params.styles, s.styles.size())) {
            parts.emplace_back(weight, &targetOf(index));
        }
        mix = AdainTarget::mixed(parts);
        blended.rows = [&](int64_t a, int64_t b) {
            const trace::Part part("blend");
            return blendFeatures(features.narrow(2, a, b - a), *mix, strength.narrow(2, a, b - a));
        };
    }
    const bool luminance = params.preserveColor == ColorPreservation::Luminance;
    if (s.releaseContentPixels && !luminance && !s.content.rgb.empty() && !s.proximity.empty()) {
        s.content.rgb = cv::Mat();  // encoded, and its proximity made
        releaseAfterLargeWork(s.contentSize);
    }
    // The decoder writes straight into the picture's memory (HWC is the
    // channels-last layout); the rows and columns beyond the content that
    // the pools' rounding adds are cut off afterwards.
    const cv::Size size = s.contentSize;
    const cv::Size decoded(8 * static_cast<int>(features.size(3)),
                           8 * static_cast<int>(features.size(2)));
    cv::Mat canvas(decoded, CV_32FC3);
    const at::Tensor into =
        at::from_blob(canvas.ptr<float>(), {1, decoded.height, decoded.width, 3}, at::kFloat)
            .permute({0, 3, 1, 2});
    s.decoder.forward(blended, Stage::Decoding, progress, params.decoderPrecision, into);
    ++s.counters.decodings;
    if (s.releaseContentPixels) {
        releaseAfterLargeWork(size);  // one-shot work: saving comes next, no live preview
    }
    cv::min(canvas, 1.0, canvas);
    cv::max(canvas, 0.0, canvas);
    Image result;
    // Cutting rows keeps the memory one block; cutting columns would not.
    result.rgb = decoded.width == size.width
                     ? canvas.rowRange(0, size.height)
                     : cv::Mat(canvas, cv::Rect(0, 0, size.width, size.height)).clone();
    if (luminance) {
        if (s.content.rgb.empty()) {
            throw EngineError(ErrorKind::InvalidArgument,
                              "the content's pixels were let go; set the content again");
        }
        keepContentChroma(result.rgb, s.content.rgb);
    }
    result.alpha = s.content.alpha;
    result.sourceBitDepth = s.content.sourceBitDepth;
    return result;
}

void validate(const RenderParams& params) {
    validate(params.strength);
    validate(params.styles);
}

bool styleMixFits(const StyleMix& mix, size_t styles) {
    if (mix.kind == StyleMix::Kind::NearFar) {
        return styles == 2;
    }
    return mix.weights.empty() || mix.weights.size() == styles;
}

std::vector<std::pair<size_t, double>> normalisedWeights(const StyleMix& mix, size_t styles) {
    if (mix.weights.empty()) {
        return {{0, 1.0}};
    }
    double sum = 0.0;
    for (double w : mix.weights) {
        sum += w;
    }
    std::vector<std::pair<size_t, double>> out;
    for (size_t i = 0; i < mix.weights.size() && i < styles; ++i) {
        if (mix.weights[i] > 0.0) {
            out.emplace_back(i, mix.weights[i] / sum);
        }
    }
    return out;
}

}  // namespace depthstyle
