#include "depthstyle/strength_map.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/size_policy.h"
#include "grid_resize.h"

namespace depthstyle {

void validate(const StrengthSettings& s) {
    if (!(s.beta >= 0.0) || !std::isfinite(s.beta)) {
        throw EngineError(ErrorKind::InvalidArgument, "beta must be a number >= 0");
    }
    if (!(s.epsilon >= 0.0 && s.epsilon <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "epsilon must be between 0 and 1");
    }
    if (!(s.alpha >= 0.0 && s.alpha <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "alpha must be between 0 and 1");
    }
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

namespace {

// Step 4 in double precision; a flat map normalises to 0.
cv::Mat normalisedProximity(const cv::Mat& gridProximity) {
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

double strengthAt(double normalisedProximity, double mean, const StrengthSettings& s) {
    if (s.method == Method::Adain) {
        return s.alpha;
    }
    const double sigmoid = 1.0 / (1.0 + std::exp(-s.beta * (normalisedProximity - mean)));
    return std::min(sigmoid, 1.0 - s.epsilon);
}

cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthSettings& settings) {
    validate(settings);
    CV_Assert(gridProximity.type() == CV_32FC1 && !gridProximity.empty());
    if (settings.method == Method::Adain) {
        return cv::Mat(gridProximity.size(), CV_32FC1, cv::Scalar(settings.alpha));
    }
    const cv::Mat p = normalisedProximity(gridProximity);
    const double mean = cv::mean(p)[0];
    cv::Mat strength(p.size(), CV_32FC1);
    for (int y = 0; y < p.rows; ++y) {
        const double* in = p.ptr<double>(y);
        float* out = strength.ptr<float>(y);
        for (int x = 0; x < p.cols; ++x) {
            out[x] = static_cast<float>(strengthAt(in[x], mean, settings));
        }
    }
    return strength;
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

StrengthCurve strengthCurve(double mean, const StrengthSettings& settings, int points) {
    StrengthCurve curve;
    const int n = std::max(points, 2);
    for (int i = 0; i < n; ++i) {
        const double x = i / double(n - 1);
        curve.proximity.push_back(x);
        curve.strength.push_back(strengthAt(x, mean, settings));
    }
    return curve;
}

}  // namespace depthstyle
