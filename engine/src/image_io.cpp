#include "depthstyle/image_io.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/run_trace.h"
#include "file_checks.h"
#include "image_decode.h"

namespace depthstyle {
namespace {

constexpr size_t kReleaseAfterPixels = 4'000'000;

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
    const trace::Part part("image decoding");
    DecodedPixels pixels = decodeImageBytes(path, readInputFile(path), false);
    Image image;
    image.sourceBitDepth = bitDepthOf(pixels.color);
    // Channels swapped at the file's own depth, then one conversion to
    // float: the fewest picture-sized copies (this is the peak of opening a
    // large photo). Integer pixels land in [0,1] by construction; float
    // ones are clamped and NaN becomes 0.
    cv::cvtColor(pixels.color, pixels.color, cv::COLOR_BGR2RGB);
    const bool isFloat = pixels.color.depth() == CV_32F || pixels.color.depth() == CV_64F;
    image.rgb = toUnitFloat(pixels.color);
    pixels.color.release();
    if (isFloat) {
        image.rgb = clampUnit(image.rgb);
    }
    if (!pixels.alpha.empty()) {
        image.alpha = clampUnit(toUnitFloat(pixels.alpha));
    }
    // The file's bytes and the decoded copies of a large photo are freed
    // now; give their memory back instead of keeping it in the heap (which
    // the allocator tuning otherwise never trims).
    if (image.rgb.total() >= kReleaseAfterPixels) {
        releaseFreeMemory();
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
