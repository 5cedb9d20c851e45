#include "depthstyle/strength_map.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/paint_layer.h"
#include "depthstyle/size_policy.h"
#include "grid_resize.h"

namespace depthstyle {

cv::Mat adjustedProximity(const cv::Mat& proximity, const DepthLevels& levels,
                          const PaintLayer* depthEdit) {
    CV_Assert(proximity.type() == CV_32FC1);
    validate(levels);
    if (levels.identity() && depthEdit == nullptr) {
        return proximity;
    }
    double minValue = 0.0;
    double maxValue = 0.0;
    cv::minMaxLoc(proximity, &minValue, &maxValue);
    const double spread = maxValue - minValue;
    // p = (x - min) / spread, then (p - black) / (white - black) in one step.
    const double width = levels.white - levels.black;
    cv::Mat p;
    if (spread > 0.0) {
        proximity.convertTo(p, CV_32F, 1.0 / (spread * width),
                            -(minValue / spread + levels.black) / width);
    } else {
        p = cv::Mat(proximity.size(), CV_32FC1, cv::Scalar(-levels.black / width));
    }
    cv::max(p, 0.0, p);
    cv::min(p, 1.0, p);
    if (levels.gamma != 1.0) {
        cv::pow(p, 1.0 / levels.gamma, p);
    }
    if (levels.invert) {
        cv::subtract(1.0, p, p);
    }
    if (depthEdit != nullptr && !depthEdit->empty()) {
        const PaintLayer edit = layerAtSize(*depthEdit, p.size());
        for (int y = 0; y < p.rows; ++y) {
            float* row = p.ptr<float>(y);
            const float* grey = edit.grey.ptr<float>(y);
            const float* alpha = edit.alpha.ptr<float>(y);
            for (int x = 0; x < p.cols; ++x) {
                row[x] = row[x] * (1.0f - alpha[x]) + grey[x] * alpha[x];
            }
        }
    }
    return p;
}

cv::Mat proximityFromDistance(const cv::Mat& distance) {
    double maxValue = 0.0;
    cv::minMaxLoc(distance, nullptr, &maxValue);
    cv::Mat proximity;
    cv::subtract(cv::Scalar(maxValue), distance, proximity, cv::noArray(), CV_32F);
    return proximity;
}

cv::Mat proximityOnFeatureGrid(const cv::Mat& proximity) {
    CV_Assert(proximity.type() == CV_32FC1);
    const cv::Size grid = featureGridSize(proximity.size());
    cv::Mat out(grid, CV_32FC1);
    for (int gy = 0; gy < grid.height; ++gy) {
        const int y0 = gy * 8;
        const int y1 = std::min(y0 + 8, proximity.rows);
        for (int gx = 0; gx < grid.width; ++gx) {
            const int x0 = gx * 8;
            const int x1 = std::min(x0 + 8, proximity.cols);
            double sum = 0.0;
            for (int y = y0; y < y1; ++y) {
                const float* row = proximity.ptr<float>(y);
                for (int x = x0; x < x1; ++x) {
                    sum += row[x];
                }
            }
            out.at<float>(gy, gx) = static_cast<float>(sum / ((y1 - y0) * (x1 - x0)));
        }
    }
    return out;
}

cv::Mat clipNormalisedProximity(const cv::Mat& proximity, const ClipNormalisation& clip) {
    CV_Assert(proximity.type() == CV_32FC1);
    const double spread = clip.high - clip.low;
    if (spread <= 0.0) {
        return cv::Mat::zeros(proximity.size(), CV_32FC1);
    }
    cv::Mat p;
    proximity.convertTo(p, CV_32F, 1.0 / spread, -clip.low / spread);
    return p;
}

void ClipStatistics::add(const cv::Mat& proximity) {
    const cv::Mat grid = proximityOnFeatureGrid(proximity);
    double minValue = 0.0;
    double maxValue = 0.0;
    cv::minMaxLoc(grid, &minValue, &maxValue);
    low_ = frames_ == 0 ? minValue : std::min(low_, minValue);
    high_ = frames_ == 0 ? maxValue : std::max(high_, maxValue);
    gridSum_ += cv::sum(grid)[0];
    gridCells_ += static_cast<double>(grid.total());
    ++frames_;
}

ClipNormalisation ClipStatistics::result() const {
    ClipNormalisation clip{low_, high_, 0.0};
    if (gridCells_ > 0 && high_ > low_) {
        // The grid of the normalised map is the normalised grid (a linear map).
        clip.mean = (gridSum_ / gridCells_ - low_) / (high_ - low_);
    }
    return clip;
}

namespace {

// Step 4 in double precision; a flat map normalises to 0. With a clip's
// normalisation the grid is already in [0,1] and is read as it is.
cv::Mat normalisedProximity(const cv::Mat& gridProximity,
                            const std::optional<ClipNormalisation>& clip = std::nullopt) {
    if (clip) {
        cv::Mat p;
        gridProximity.convertTo(p, CV_64F);
        cv::max(p, 0.0, p);  // a frame beyond the clip's range (statistics
        cv::min(p, 1.0, p);  // of another run) is held at its ends
        return p;
    }
    double minValue = 0.0;
    double maxValue = 0.0;
    cv::minMaxLoc(gridProximity, &minValue, &maxValue);
    const double spread = maxValue - minValue;
    cv::Mat p;
    if (spread > 0.0) {
        gridProximity.convertTo(p, CV_64F, 1.0 / spread, -minValue / spread);
    } else {
        p = cv::Mat::zeros(gridProximity.size(), CV_64F);
    }
    return p;
}

}  // namespace

double focusCloseness(double q, const StrengthFrame& frame) {
    if (!frame.focusProximity) {
        return q;
    }
    if (frame.focusSpread <= 0.0) {
        return 0.0;
    }
    return 1.0 - std::abs(q - *frame.focusProximity) / frame.focusSpread;
}

double strengthAt(double q, const StrengthFrame& frame, const StrengthSettings& s) {
    if (s.method == Method::Adain) {
        return s.alpha;
    }
    const double c = focusCloseness(q, frame);
    const double sigmoid = 1.0 / (1.0 + std::exp(-s.beta * (c - frame.mean)));
    return std::min(sigmoid, 1.0 - s.epsilon);
}

cv::Point focusCell(cv::Point2d focus, cv::Size contentSize) {
    const cv::Size grid = featureGridSize(contentSize);
    const int px = static_cast<int>(std::floor(focus.x * contentSize.width));
    const int py = static_cast<int>(std::floor(focus.y * contentSize.height));
    return {std::clamp(px / 8, 0, grid.width - 1), std::clamp(py / 8, 0, grid.height - 1)};
}

namespace {

StrengthFrame frameOf(const cv::Mat& q, const StrengthSettings& settings, cv::Size contentSize) {
    StrengthFrame frame;
    if (!settings.focus) {
        frame.mean = settings.clip ? settings.clip->mean : cv::mean(q)[0];
        return frame;
    }
    const cv::Point cell = focusCell(*settings.focus, contentSize);
    const double focus = q.at<double>(cell);
    double minValue = 0.0;
    double maxValue = 0.0;
    cv::minMaxLoc(q, &minValue, &maxValue);
    frame.focusProximity = focus;
    frame.focusSpread = std::max(maxValue - focus, focus - minValue);
    double sum = 0.0;
    for (int y = 0; y < q.rows; ++y) {
        const double* row = q.ptr<double>(y);
        for (int x = 0; x < q.cols; ++x) {
            sum += focusCloseness(row[x], frame);
        }
    }
    frame.mean = sum / static_cast<double>(q.total());
    return frame;
}

cv::Size orGridBlocks(cv::Size contentSize, const cv::Mat& grid) {
    return contentSize.empty() ? cv::Size(grid.cols * 8, grid.rows * 8) : contentSize;
}

}  // namespace

StrengthFrame strengthFrame(const cv::Mat& gridProximity, const StrengthSettings& settings,
                            cv::Size contentSize) {
    if (gridProximity.empty()) {
        return {};
    }
    return frameOf(normalisedProximity(gridProximity, settings.clip), settings,
                   orGridBlocks(contentSize, gridProximity));
}

cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthSettings& settings,
                    cv::Size contentSize, const cv::Mat& overrideGrid) {
    validate(settings);
    CV_Assert(gridProximity.type() == CV_32FC1 && !gridProximity.empty());
    if (settings.method == Method::Adain) {
        return cv::Mat(gridProximity.size(), CV_32FC1, cv::Scalar(settings.alpha));
    }
    const cv::Mat p = normalisedProximity(gridProximity, settings.clip);
    const StrengthFrame frame = frameOf(p, settings, orGridBlocks(contentSize, gridProximity));
    cv::Mat strength(p.size(), CV_32FC1);
    for (int y = 0; y < p.rows; ++y) {
        const double* in = p.ptr<double>(y);
        float* out = strength.ptr<float>(y);
        for (int x = 0; x < p.cols; ++x) {
            out[x] = static_cast<float>(strengthAt(in[x], frame, settings));
        }
    }
    if (!overrideGrid.empty()) {
        applyLayerOnGrid(strength, overrideGrid);
    }
    return strength;
}

void StrengthBasis::setProximity(const cv::Mat& proximity) {
    proximity_ = proximity;
    adjusted_ = cv::Mat();
    grid_ = cv::Mat();
    gridValid_ = false;
    overrideGrid_ = cv::Mat();
    override_.reset();
}

const cv::Mat& StrengthBasis::adjusted() {
    if (adjusted_.empty() && !proximity_.empty()) {
        adjusted_ = clip_ ? clipNormalisedProximity(proximity_, *clip_)
                          : adjustedProximity(proximity_, levels_, depthEdit_.get());
    }
    return adjusted_;
}

void StrengthBasis::update(const StrengthSettings& settings) {
    CV_Assert(!proximity_.empty());
    if (!gridValid_ || settings.levels != levels_ || settings.depthEdit != depthEdit_ ||
        settings.clip != clip_) {
        validate(settings.levels);
        levels_ = settings.levels;
        depthEdit_ = settings.depthEdit;
        clip_ = settings.clip;
        adjusted_ = cv::Mat();
        grid_ = proximityOnFeatureGrid(adjusted());
        gridValid_ = true;
    }
    if (settings.strengthOverride != override_ || (override_ && overrideGrid_.empty())) {
        override_ = settings.strengthOverride;
        overrideGrid_ = override_ ? layerOnFeatureGrid(*override_, proximity_.size()) : cv::Mat();
    }
}

cv::Mat StrengthBasis::normalisedGrid() const {
    if (grid_.empty()) {
        return {};
    }
    cv::Mat q;
    normalisedProximity(grid_, clip_).convertTo(q, CV_32F);
    return q;
}

cv::Mat StrengthBasis::strength(const StrengthSettings& settings) {
    update(settings);
    return strengthMap(grid_, settings, proximity_.size(), overrideGrid_);
}

cv::Mat strengthMapAtImageSize(const cv::Mat& strength, cv::Size imageSize, cv::Size drawnSize) {
    const cv::Size drawn = drawnSize.empty() ? imageSize : drawnSize;
    return gridAtDrawnSize(strength, imageSize, drawn, cv::INTER_NEAREST);
}

cv::Mat gridAtDrawnSize(const cv::Mat& grid, cv::Size picture, cv::Size drawn, int interpolation) {
    const double sx = double(drawn.width) / picture.width;
    const double sy = double(drawn.height) / picture.height;
    const cv::Size blocks(std::max(drawn.width, int(std::lround(grid.cols * 8 * sx))),
                          std::max(drawn.height, int(std::lround(grid.rows * 8 * sy))));
    cv::Mat out;
    cv::resize(grid, out, blocks, 0, 0, interpolation);
    return out(cv::Rect(0, 0, drawn.width, drawn.height)).clone();
}

ProximityProfile proximityProfile(const cv::Mat& gridProximity, int bins) {
    ProximityProfile profile;
    if (gridProximity.empty() || bins < 1) {
        return profile;
    }
    const cv::Mat p = normalisedProximity(gridProximity);
    profile.shares.assign(static_cast<size_t>(bins), 0.0);
    for (int y = 0; y < p.rows; ++y) {
        const double* row = p.ptr<double>(y);
        for (int x = 0; x < p.cols; ++x) {
            const int bin = std::clamp(static_cast<int>(row[x] * bins), 0, bins - 1);
            profile.shares[static_cast<size_t>(bin)] += 1.0;
        }
    }
    const auto count = static_cast<double>(p.total());
    for (double& share : profile.shares) {
        share /= count;
    }
    profile.mean = cv::mean(p)[0];
    return profile;
}

StrengthCurve strengthCurve(const StrengthFrame& frame, const StrengthSettings& settings,
                            int points) {
    StrengthCurve curve;
    const int n = std::max(points, 2);
    for (int i = 0; i < n; ++i) {
        const double x = i / double(n - 1);
        curve.proximity.push_back(x);
        curve.strength.push_back(strengthAt(x, frame, settings));
    }
    return curve;
}

}  // namespace depthstyle
