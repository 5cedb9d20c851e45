#include "depthstyle/image_io.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "file_checks.h"
#include "image_decode.h"

namespace depthstyle {
namespace {

int bitDepthOf(const cv::Mat& m) {
    switch (m.depth()) {
        case CV_16U:
            return 16;
        case CV_32F:
        case CV_64F:
            return 32;
        default:
            return 8;
    }
}

// 8- and 16-bit integers to [0,1]; float values kept.
cv::Mat toUnitFloat(const cv::Mat& m) {
    cv::Mat out;
    switch (m.depth()) {
        case CV_8U:
            m.convertTo(out, CV_32F, 1.0 / 255.0);
            break;
        case CV_16U:
            m.convertTo(out, CV_32F, 1.0 / 65535.0);
            break;
        default:
            m.convertTo(out, CV_32F);
            break;
    }
    return out;
}

cv::Mat clampUnit(const cv::Mat& m) {
    cv::Mat out;
    cv::min(m, 1.0, out);
    cv::max(out, 0.0, out);
    cv::patchNaNs(out, 0.0);
    return out;
}

}  // namespace

Image loadImage(const std::string& path) {
    const DecodedPixels pixels = decodeImageBytes(path, readInputFile(path), false);
    Image image;
    image.sourceBitDepth = bitDepthOf(pixels.color);
    cv::Mat rgb;
    cv::cvtColor(toUnitFloat(pixels.color), rgb, cv::COLOR_BGR2RGB);
    image.rgb = clampUnit(rgb);
    if (!pixels.alpha.empty()) {
        image.alpha = clampUnit(toUnitFloat(pixels.alpha));
    }
    return image;
}

cv::Mat loadGrayMap(const std::string& path) {
    const DecodedPixels pixels = decodeImageBytes(path, readInputFile(path), true);
    cv::Mat gray = toUnitFloat(pixels.color);
    if (cv::checkRange(gray, true) == false) {
        throwFileError(ErrorKind::ImageCorrupt, path, "the map holds NaN or infinite values");
    }
    return gray;
}

}  // namespace depthstyle
