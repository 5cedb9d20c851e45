#include "depthstyle/strength_map.h"

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/size_policy.h"

namespace depthstyle {

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

cv::Mat strengthMap(const cv::Mat& gridProximity, const StrengthParams& params) {
    if (!(params.beta >= 0.0) || !std::isfinite(params.beta)) {
        throw EngineError(ErrorKind::InvalidArgument, "beta must be a number >= 0");
    }
    if (!(params.epsilon >= 0.0 && params.epsilon <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "epsilon must be between 0 and 1");
    }
    CV_Assert(gridProximity.type() == CV_32FC1 && !gridProximity.empty());
    double minValue = 0.0;
    double maxValue = 0.0;
    cv::minMaxLoc(gridProximity, &minValue, &maxValue);
    const double spread = maxValue - minValue;

    // Steps 4 and 5 in double precision; a flat map normalises to 0.
    cv::Mat p;
    if (spread > 0.0) {
        gridProximity.convertTo(p, CV_64F, 1.0 / spread, -minValue / spread);
    } else {
        p = cv::Mat::zeros(gridProximity.size(), CV_64F);
    }
    p -= cv::mean(p)[0];

    // Steps 6 and 7.
    const double ceiling = 1.0 - params.epsilon;
    cv::Mat strength(p.size(), CV_32FC1);
    for (int y = 0; y < p.rows; ++y) {
        const double* in = p.ptr<double>(y);
        float* out = strength.ptr<float>(y);
        for (int x = 0; x < p.cols; ++x) {
            const double sigmoid = 1.0 / (1.0 + std::exp(-params.beta * in[x]));
            out[x] = static_cast<float>(std::min(sigmoid, ceiling));
        }
    }
    return strength;
}

cv::Mat strengthMapAtImageSize(const cv::Mat& strength, cv::Size imageSize) {
    cv::Mat blocks;
    cv::resize(strength, blocks, cv::Size(strength.cols * 8, strength.rows * 8), 0, 0,
               cv::INTER_NEAREST);
    return blocks(cv::Rect(0, 0, imageSize.width, imageSize.height)).clone();
}

}  // namespace depthstyle
