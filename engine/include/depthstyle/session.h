#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "depthstyle/color_preservation.h"
#include "depthstyle/image.h"
#include "depthstyle/model_files.h"
#include "depthstyle/models.h"
#include "depthstyle/precision.h"
#include "depthstyle/progress.h"
#include "depthstyle/strength_map.h"

namespace depthstyle {

// How several style images make one AdaIN target.
//   Weights: style interpolation in feature space, sum_i w_i AdaIN(f(c), f(s_i))
//            with the weights divided by their sum (empty: the first style
//            alone; a style of weight 0 is not even encoded).
//   NearFar: styles by depth, style 0 near and style 1 far: the target is
//            t_far + q (t_near - t_far) per feature cell, q Algorithm 1's
//            step-4 normalised proximity (after levels and depth edit).
struct StyleMix {
    enum class Kind { Weights, NearFar };
    Kind kind = Kind::Weights;
    std::vector<double> weights;
    bool operator==(const StyleMix& o) const { return kind == o.kind && weights == o.weights; }
    bool operator!=(const StyleMix& o) const { return !(*this == o); }
};

// Everything that changes the result after the encoders have run.
struct RenderParams {
    StrengthSettings strength;  // method, beta, epsilon, alpha, the artist's controls
    Precision decoderPrecision = Precision::Float32;
    ColorPreservation preserveColor = ColorPreservation::None;
    StyleMix styles = {};
    bool operator==(const RenderParams& o) const {
        return strength == o.strength && decoderPrecision == o.decoderPrecision &&
               preserveColor == o.preserveColor && styles == o.styles;
    }
};

// Where the proximity map comes from.
struct DepthSource {
    enum class Kind { Midas, File };
    Kind kind = Kind::Midas;
    std::string path;         // for Kind::File
    bool isDistance = false;  // the file is brighter = farther (steps 1-2 apply)
};

// How often the expensive parts ran; tests use it to prove the caching.
struct SessionCounters {
    int depthRuns = 0;
    int contentEncodings = 0;
    int styleEncodings = 0;
    int adainTargets = 0;
    int decodings = 0;
};

// One content/style pair and its cached intermediate results:
//   per content: the scaled image, the proximity map, the content features;
//   per style:   the style features;
//   per pair:    the AdaIN target AdaIN(f(c), f(s)), and with colour
//                preservation "style-to-content" the recoloured style's
//                features and target (kept beside the plain ones).
// Changing beta, epsilon or alpha recomputes only the strength map, the blend
// and the decoder. Setters validate their input at once and leave the
// previous state untouched when they throw. Not thread-safe: one thread owns
// a session; sessions on several threads may share one Models.
class Session {
public:
    // Works with networks loaded once and shared with other sessions.
    explicit Session(std::shared_ptr<const Models> models);
    // Loads its own networks: the encoder and decoder now, MiDaS on first use.
    explicit Session(const ModelFiles& files);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void setContent(const std::string& path, int contentSize);
    void setContent(const Image& image, int contentSize, const std::string& label);
    // One style: the style list becomes this image alone.
    void setStyle(const std::string& path, int styleSize);
    void setStyle(const Image& image, int styleSize, const std::string& label);
    // Several styles (StyleMix): sets the style at `index` (the list grows
    // to hold it; only that style is encoded again), and drops the styles
    // beyond `count`.
    void setStyleAt(size_t index, const Image& image, int styleSize, const std::string& label);
    void setStyleCount(size_t count);
    size_t styleCount() const;
    void setDepthSource(const DepthSource& source);

    // For one-shot work (the CLI): once the content is encoded and its
    // proximity map made, its pixels are let go (content() then holds no
    // rgb; contentSize() stays). At 40 megapixels the decoder's peak is
    // 480 MB lower; memory freed by a large decode goes back to the system
    // before the caller saves. A new depth source then needs the content
    // set again.
    void releaseContentPixelsWhenEncoded(bool release);
    // For batch work: the plain features of the last `count` styles encoded
    // are kept (default none), and a style set again with the same scaled
    // pixels takes them instead of being encoded again. The features are
    // the ones the encoder gave, so results stay bit for bit the same.
    void rememberStyleFeatures(size_t count);

    bool hasContent() const;
    bool hasStyle() const;
    cv::Size contentSize() const;  // as used: scaled
    // The content's size before scaling (the size of the image given).
    cv::Size originalContentSize() const;
    const Image& content() const;                // as used: scaled
    const Image& style(size_t index = 0) const;  // as used: scaled

    // Proximity map at content size (CV_32FC1, larger = closer).
    const cv::Mat& proximity(const Progress& progress = {});
    // The proximity Algorithm 1 reads: adjustedProximity() of proximity()
    // with the settings' levels and depth edit.
    const cv::Mat& adjustedProximity(const StrengthSettings& settings,
                                     const Progress& progress = {});
    // Strength map P on the feature grid (CV_32FC1): strengthMap() of the
    // adjusted proximity on the feature grid, with the settings' focus and
    // strength override; for plain AdaIN the uniform alpha of eq. 4 (no
    // depth needed). The adjusted grid is kept while levels and depth edit
    // stay the same, so a beta change redoes steps 4-7 only.
    cv::Mat strengthMap(const RenderParams& params, const Progress& progress = {});
    // The stylized image at content size, alpha re-attached. Before the
    // content is encoded, the render's peak memory is estimated from the
    // sizes: EngineError(OutOfMemory) when it cannot fit, before any work;
    // an allocation that fails all the same gives the same kind, one line.
    Image render(const RenderParams& params, const Progress& progress = {});
    // Does ahead of render(params) the set-up work it would otherwise do one
    // piece at a time while the other cores wait (making its networks'
    // oneDNN kernels for these sizes, loading the depth network), on every
    // compute thread. Optional: render() does what is left. Errors are left
    // for render() to report. Asking again with nothing new to make returns
    // at once (a slider's re-decode).
    void prepareRender(const RenderParams& params);

    SessionCounters counters() const;

private:
    Image renderWithinMemory(const RenderParams& params, const Progress& progress);
    // render()'s memory check before the content is encoded: throws
    // EngineError(OutOfMemory) when it cannot fit. Skipped when
    // prepareRender() passed it for the same pictures (its own work then
    // took memory the check would count against the render).
    void requireRenderFits();

    struct State;
    std::unique_ptr<State> state_;
};

// Throws EngineError(InvalidArgument) when a parameter is out of range.
void validate(const RenderParams& params);
void validate(const StyleMix& mix);

// Whether the mix is one of `styles` style images: near and far take two,
// weights one per style (or none: the first style alone).
bool styleMixFits(const StyleMix& mix, size_t styles);

// The weights as used for `styles` style images: (index, weight / sum) of
// each style of weight above 0.
std::vector<std::pair<size_t, double>> normalisedWeights(const StyleMix& mix, size_t styles);

}  // namespace depthstyle
