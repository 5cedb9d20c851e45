#pragma once

#include <optional>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "depthstyle/paint_layer.h"

namespace depthstyle {

enum class Method {
    DaAdain,  // eq. 5: strength map P from depth (Algorithm 1)
    Adain,    // eq. 4: uniform content weight alpha
};

// Levels on the proximity map, before Algorithm 1: on the min-max
// normalised proximity p in [0,1] at content size,
//   p' = clip((p - black) / (white - black), 0, 1) ^ (1 / gamma)
// then, with `invert`, p' := 1 - p'. 0 <= black < white <= 1, gamma > 0.
struct DepthLevels {
    double black = 0.0;
    double white = 1.0;
    double gamma = 1.0;
    bool invert = false;
    bool identity() const { return black == 0.0 && white == 1.0 && gamma == 1.0 && !invert; }
    bool operator==(const DepthLevels& o) const {
        return black == o.black && white == o.white && gamma == o.gamma && invert == o.invert;
    }
    bool operator!=(const DepthLevels& o) const { return !(*this == o); }
};

// Video, clip-wide normalisation: the range and mean of a whole clip's
// proximity, used in place of each frame's own min, max and mean so that
// the strength map of a still scene stays still. `low` and `high`: the
// least and greatest step-3 value (proximity on the feature grid) over
// every frame; `mean`: the mean of step 4's q over every frame's grid. For
// a clip of one frame, P is the paper's.
struct ClipNormalisation {
    double low = 0.0;
    double high = 1.0;
    double mean = 0.5;
    bool operator==(const ClipNormalisation& o) const {
        return low == o.low && high == o.high && mean == o.mean;
    }
    bool operator!=(const ClipNormalisation& o) const { return !(*this == o); }
};

// Gathers a clip's ClipNormalisation frame by frame (the first pass).
class ClipStatistics {
public:
    // One frame's raw proximity at content size (every frame one size).
    void add(const cv::Mat& proximity);
    int frames() const { return frames_; }
    ClipNormalisation result() const;

private:
    int frames_ = 0;
    double low_ = 0.0;
    double high_ = 0.0;
    double gridSum_ = 0.0;
    double gridCells_ = 0.0;
};

// How strongly each feature cell keeps the content: the one value type the
// session, the live preview and the strength chart all read. For DA-AdaIN,
// the parameters of Algorithm 1 (Kitov et al. 2020): prominence beta >= 0
// and offset epsilon in [0,1] (the paper recommends 20 and 0.15), and the
// artist's controls around it:
//   - `levels` and `depthEdit` change the proximity before Algorithm 1;
//   - `focus` (a point of the picture, as fractions of its width and
//     height) makes the depth there the one kept most (strengthMap());
//   - `strengthOverride` paints P after step 7 and its 1 - epsilon cap.
// For plain AdaIN, the uniform content weight alpha in [0,1] (0 = full
// style); the controls do not apply (eq. 4 has no strength map).
struct StrengthSettings {
    Method method = Method::DaAdain;
    double beta = 20.0;
    double epsilon = 0.15;
    double alpha = 0.0;
    DepthLevels levels;
    std::optional<cv::Point2d> focus;
    SharedPaintLayer depthEdit;         // null: none
    SharedPaintLayer strengthOverride;  // null: none
    // Video: the clip's normalisation instead of the frame's (none: the
    // paper's per-frame min-max). Step 4 then reads q = clamp((x - low) /
    // (high - low), 0, 1) per cell and step 5 subtracts the clip's mean; levels,
    // depth edit and focus do not combine with it.
    std::optional<ClipNormalisation> clip;

    static StrengthSettings daAdain(double beta, double epsilon) {
        StrengthSettings s;
        s.beta = beta;
        s.epsilon = epsilon;
        return s;
    }
    static StrengthSettings adain(double alpha) {
        StrengthSettings s;
        s.method = Method::Adain;
        s.alpha = alpha;
        return s;
    }
    // Layers compare by identity: a layer is never changed once shared.
    bool operator==(const StrengthSettings& o) const {
        return method == o.method && beta == o.beta && epsilon == o.epsilon && alpha == o.alpha &&
               levels == o.levels && focus == o.focus && depthEdit == o.depthEdit &&
               strengthOverride == o.strengthOverride && clip == o.clip;
    }
    bool operator!=(const StrengthSettings& o) const { return !(*this == o); }
};

// Throws EngineError(InvalidArgument) for beta < 0, epsilon or alpha outside
// [0,1], levels outside their ranges, a focus outside the picture, or any
// of them not a finite number.
void validate(const StrengthSettings& settings);
void validate(const DepthLevels& levels);

// Step 2 of Algorithm 1 for maps where larger means farther (a depth map):
// proximity = max(D) - D. MiDaS already gives proximity and skips this.
cv::Mat proximityFromDistance(const cv::Mat& distance);

// The proximity Algorithm 1 reads, at content size: `proximity` itself when
// the levels are the identity and there is no depth edit (bit for bit the
// paper's input); otherwise the min-max normalised proximity p (a flat map
// gives 0) with the levels applied, then the depth edit painted on it
// (white = nearest).
cv::Mat adjustedProximity(const cv::Mat& proximity, const DepthLevels& levels,
                          const PaintLayer* depthEdit);
// With a clip's normalisation: (proximity - low) / (high - low) (0
// everywhere for a flat clip); its feature grid, held to [0,1], is step 4's q.
cv::Mat clipNormalisedProximity(const cv::Mat& proximity, const ClipNormalisation& clip);

// Step 3: proximity (CV_32FC1, image size) averaged over the 8x8 pixel block
// of each relu4_1 feature cell; partial blocks at the right and bottom edges
// average the pixels they have.
cv::Mat proximityOnFeatureGrid(const cv::Mat& proximity);

// What steps 5-7 need besides a cell's own normalised proximity q (step 4):
// `mean`, the mean that step 5 subtracts; with a focus, the focus cell's
// normalised proximity `focusProximity` and the largest |q - focus| of the
// grid `focusSpread` (see strengthMap()).
struct StrengthFrame {
    double mean = 0.5;
    std::optional<double> focusProximity;
    double focusSpread = 0.0;
};

// The step-4 value a focus turns q into: its closeness to the focus depth,
// 1 - |q - focus| / spread (1 at the focus depth, 0 farthest from it; 0
// everywhere when the spread is 0). Without a focus, q itself.
double focusCloseness(double normalisedProximity, const StrengthFrame& frame);

// Steps 6 and 7 for one cell: P = min(1 / (1 + exp(-beta (c - mean))),
// 1 - epsilon), for c = focusCloseness(q) (q without a focus) and `mean`
// the frame's. Plain AdaIN: alpha.
double strengthAt(double normalisedProximity, const StrengthFrame& frame,
                  const StrengthSettings& settings);

// The frame of a grid: step 4 on `gridProximity`, the focus cell's value
// (the cell holding the focus point of a `contentSize` picture) and the
// mean of step 5.
StrengthFrame strengthFrame(const cv::Mat& gridProximity, const StrengthSettings& settings,
                            cv::Size contentSize);

// The feature cell that holds a point given as fractions of a
// `contentSize` picture's width and height.
cv::Point focusCell(cv::Point2d focus, cv::Size contentSize);

// The strength map P on the feature grid (CV_32FC1) from the proximity on
// the feature grid (of adjustedProximity()). DA-AdaIN, steps 4-7 of
// Algorithm 1:
//   4: P := (P - min P) / (max P - min P)
//   5: P := P - mean P
//   6: P := 1 / (1 + exp(-beta P))
//   7: P := min(P, 1 - epsilon)
// With a focus, step 4's q becomes c = 1 - |q - q_f| / max|q - q_f| (q_f:
// the focus cell's q), so that step 5 subtracts the mean of c and P is
// largest at the focus depth, falling off in front and behind.
// A flat map (max == min) has no spread to normalise: step 4 gives 0
// everywhere, so the strength is 0.5 everywhere (at most 1 - epsilon).
// Then the strength override, when `overrideGrid` (layerOnFeatureGrid() of
// settings.strengthOverride) is given: P := P (1 - a) + g a per cell.
// Plain AdaIN: alpha in every cell. Validates `settings` first;
// `contentSize` (for the focus cell) defaults to the grid's 8x8 blocks.
cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthSettings& settings,
                    cv::Size contentSize = cv::Size(), const cv::Mat& overrideGrid = cv::Mat());

// Everything strengthMap() needs from a content's proximity, kept so that
// a beta or epsilon change recomputes only steps 4-7: the adjusted
// proximity on the feature grid for given levels and depth edit, and the
// override on the grid. update() recomputes what the settings changed;
// strength() is strengthMap() from the kept parts.
class StrengthBasis {
public:
    // `proximity` at content size (larger = closer).
    void setProximity(const cv::Mat& proximity);
    void update(const StrengthSettings& settings);
    cv::Mat strength(const StrengthSettings& settings);
    const cv::Mat& proximity() const { return proximity_; }
    // The proximity Algorithm 1 reads (adjustedProximity()), content size.
    const cv::Mat& adjusted();
    // Its feature grid; empty before update().
    const cv::Mat& gridProximity() const { return grid_; }
    // The grid normalised as step 4 does (CV_32FC1, 0 farthest, 1 nearest;
    // 0 everywhere for a flat grid); empty before update().
    cv::Mat normalisedGrid() const;
    bool empty() const { return proximity_.empty(); }

private:
    cv::Mat proximity_;
    cv::Mat adjusted_;
    cv::Mat grid_;
    bool gridValid_ = false;
    DepthLevels levels_;
    SharedPaintLayer depthEdit_;
    cv::Mat overrideGrid_;
    SharedPaintLayer override_;
    std::optional<ClipNormalisation> clip_;
};

// The strength map at image size: each 8x8 block holds its feature cell's
// exact value, cropped to `imageSize`. With `drawnSize` (a smaller proxy of
// the image), the same picture of blocks scaled down to that size.
cv::Mat strengthMapAtImageSize(const cv::Mat& strength, cv::Size imageSize,
                               cv::Size drawnSize = cv::Size());

// The distribution of the normalised proximity (step 4) over the feature
// grid: the share of cells in each of `bins` equal bins over [0,1], and the
// mean that step 5 subtracts. An empty grid gives no shares and mean 0.5.
struct ProximityProfile {
    std::vector<double> shares;
    double mean = 0.5;
};
ProximityProfile proximityProfile(const cv::Mat& gridProximity, int bins);

// P as a function of the normalised proximity, sampled at `points` evenly
// spaced values over [0,1] (the strength chart's curve): the same strengthAt()
// that strengthMap() applies to each cell.
struct StrengthCurve {
    std::vector<double> proximity;
    std::vector<double> strength;
};
StrengthCurve strengthCurve(const StrengthFrame& frame, const StrengthSettings& settings,
                            int points);

}  // namespace depthstyle
