#include "image_convert.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/preview_blend.h"

namespace depthstyle::ui {
namespace {

QImage wrapCopy(const cv::Mat& pixels, QImage::Format format) {
    return QImage(pixels.data, pixels.cols, pixels.rows, static_cast<qsizetype>(pixels.step),
                  format)
        .copy();
}

}  // namespace

QImage toQImage(const Image& image) {
    if (image.empty()) {
        return {};
    }
    cv::Mat rgb8;
    if (image.hasAlpha()) {
        cv::Mat rgba;
        cv::merge(std::vector<cv::Mat>{image.rgb, image.alpha}, rgba);
        rgba.convertTo(rgb8, CV_8U, 255.0);
        return wrapCopy(rgb8, QImage::Format_RGBA8888);
    }
    image.rgb.convertTo(rgb8, CV_8U, 255.0);
    return wrapCopy(rgb8, QImage::Format_RGB888);
}

QImage toDisplayQImage(const Image& image, int maxSide) {
    const cv::Size size = previewProxySize(image.rgb.size(), maxSide);
    if (image.empty() || size == image.rgb.size()) {
        return toQImage(image);
    }
    Image small;
    cv::resize(image.rgb, small.rgb, size, 0, 0, cv::INTER_AREA);
    if (image.hasAlpha()) {
        cv::resize(image.alpha, small.alpha, size, 0, 0, cv::INTER_AREA);
    }
    return toQImage(small);
}

QImage unitMapToQImage(const cv::Mat& map) {
    if (map.empty()) {
        return {};
    }
    cv::Mat gray8;
    map.convertTo(gray8, CV_8U, 255.0);
    return wrapCopy(gray8, QImage::Format_Grayscale8);
}

QImage proximityToQImage(const cv::Mat& proximity) {
    if (proximity.empty()) {
        return {};
    }
    cv::Mat unit8;
    cv::normalize(proximity, unit8, 0, 255, cv::NORM_MINMAX, CV_8U);
    cv::Mat colour;
    cv::applyColorMap(unit8, colour, cv::COLORMAP_TURBO);
    cv::cvtColor(colour, colour, cv::COLOR_BGR2RGB);
    return wrapCopy(colour, QImage::Format_RGB888);
}

QImage proximityLegend(int width, int height) {
    cv::Mat ramp(std::max(1, height), std::max(1, width), CV_8U);
    for (int x = 0; x < ramp.cols; ++x) {
        ramp.col(x).setTo(255 * x / std::max(1, ramp.cols - 1));
    }
    cv::Mat colour;
    cv::applyColorMap(ramp, colour, cv::COLORMAP_TURBO);
    cv::cvtColor(colour, colour, cv::COLOR_BGR2RGB);
    return wrapCopy(colour, QImage::Format_RGB888);
}

Image fromQImage(const QImage& source) {
    Image image;
    if (source.isNull()) {
        return image;
    }
    const QImage rgba = source.convertToFormat(QImage::Format_RGBA8888);
    const cv::Mat wrapped(rgba.height(), rgba.width(), CV_8UC4,
                          const_cast<uchar*>(rgba.constBits()),
                          static_cast<size_t>(rgba.bytesPerLine()));
    cv::Mat floats;
    wrapped.convertTo(floats, CV_32F, 1.0 / 255.0);
    std::vector<cv::Mat> planes;
    cv::split(floats, planes);
    cv::merge(std::vector<cv::Mat>{planes[0], planes[1], planes[2]}, image.rgb);
    if (source.hasAlphaChannel()) {
        image.alpha = planes[3];
    }
    return image;
}

}  // namespace depthstyle::ui
