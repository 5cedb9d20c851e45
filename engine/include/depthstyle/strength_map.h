#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace depthstyle {

enum class Method {
    DaAdain,  // eq. 5: strength map P from depth (Algorithm 1)
    Adain,    // eq. 4: uniform content weight alpha
};

// How strongly each feature cell keeps the content: the one value type the
// session, the live preview and the strength chart all read. For DA-AdaIN,
// the parameters of Algorithm 1 (Kitov et al. 2020): prominence beta >= 0
// and offset epsilon in [0,1] (the paper recommends 20 and 0.15). For plain
// AdaIN, the uniform content weight alpha in [0,1] (0 = full style).
// A focus depth and a painted override layer are to be added here, and
// applied by strengthMap() after step 7.
struct StrengthSettings {
    Method method = Method::DaAdain;
    double beta = 20.0;
    double epsilon = 0.15;
    double alpha = 0.0;

    static StrengthSettings daAdain(double beta, double epsilon) {
        return {Method::DaAdain, beta, epsilon, 0.0};
    }
    static StrengthSettings adain(double alpha) { return {Method::Adain, 20.0, 0.15, alpha}; }
    bool operator==(const StrengthSettings& o) const {
        return method == o.method && beta == o.beta && epsilon == o.epsilon && alpha == o.alpha;
    }
    bool operator!=(const StrengthSettings& o) const { return !(*this == o); }
};

// Throws EngineError(InvalidArgument) for beta < 0, epsilon or alpha outside
// [0,1], or any of them not a finite number.
void validate(const StrengthSettings& settings);

// Step 2 of Algorithm 1 for maps where larger means farther (a depth map):
// proximity = max(D) - D. MiDaS already gives proximity and skips this.
cv::Mat proximityFromDistance(const cv::Mat& distance);

// Step 3: proximity (CV_32FC1, image size) averaged over the 8x8 pixel block
// of each relu4_1 feature cell; partial blocks at the right and bottom edges
// average the pixels they have.
cv::Mat proximityOnFeatureGrid(const cv::Mat& proximity);

// Steps 6 and 7 for one cell: P = min(1 / (1 + exp(-beta (p - mean))),
// 1 - epsilon), for p the cell's normalised proximity (step 4) and `mean`
// the mean of all normalised cells (step 5). Plain AdaIN: alpha.
double strengthAt(double normalisedProximity, double mean, const StrengthSettings& settings);

// The strength map P on the feature grid (CV_32FC1) from the proximity on
// the feature grid. DA-AdaIN, steps 4-7 of Algorithm 1:
//   4: P := (P - min P) / (max P - min P)
//   5: P := P - mean P
//   6: P := 1 / (1 + exp(-beta P))
//   7: P := min(P, 1 - epsilon)
// A flat map (max == min) has no spread to normalise: step 4 gives 0
// everywhere, so the strength is 0.5 everywhere (at most 1 - epsilon).
// Plain AdaIN: alpha in every cell. Validates `settings` first.
cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthSettings& settings);

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
StrengthCurve strengthCurve(double mean, const StrengthSettings& settings, int points);

}  // namespace depthstyle
