#include "depthstyle/image_compare.h"

#include <cmath>
#include <limits>

#include <opencv2/core.hpp>

#include "depthstyle/engine_error.h"

namespace depthstyle {
namespace {

// Peak signal-to-noise ratio of a mean squared error at peak value `peak`.
double psnr(double meanSquaredError, double peak) {
    if (meanSquaredError <= 0.0) {
        return std::numeric_limits<double>::infinity();
    }
    return 10.0 * std::log10(peak * peak / meanSquaredError);
}

double meanSquaredError(const cv::Mat& a, const cv::Mat& b) {
    const double squaredSum = cv::norm(a, b, cv::NORM_L2SQR);
    return squaredSum / static_cast<double>(a.total() * a.channels());
}

}  // namespace

ImageDifference compareImages(const Image& reference, const Image& other) {
    if (reference.rgb.size() != other.rgb.size() || reference.rgb.type() != other.rgb.type()) {
        throw EngineError(ErrorKind::InvalidArgument, "cannot compare images of different sizes");
    }
    ImageDifference difference;
    difference.psnrFloat = psnr(meanSquaredError(reference.rgb, other.rgb), 1.0);
    cv::Mat reference8;
    cv::Mat other8;
    reference.rgb.convertTo(reference8, CV_8UC3, 255.0);
    other.rgb.convertTo(other8, CV_8UC3, 255.0);
    difference.psnr8Bit = psnr(meanSquaredError(reference8, other8), 255.0);
    difference.maxDifference8Bit = static_cast<int>(cv::norm(reference8, other8, cv::NORM_INF));
    return difference;
}

}  // namespace depthstyle
