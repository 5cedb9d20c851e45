#include "image_convert.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/preview_blend.h"
#include "depthstyle/size_policy.h"

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
    // 32-bit pixels in the byte order QImage's RGB32 and ARGB32_Premultiplied
    // use on little-endian machines (B, G, R, A): the formats Qt draws
    // scaled without converting first. Written straight into the QImage.
    const bool alpha = image.hasAlpha();
    QImage out(image.width(), image.height(),
               alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    cv::Mat target(out.height(), out.width(), CV_8UC4, out.bits(),
                   static_cast<size_t>(out.bytesPerLine()));
    cv::Mat rgb8;
    if (!alpha) {
        image.rgb.convertTo(rgb8, CV_8U, 255.0);
        cv::cvtColor(rgb8, target, cv::COLOR_RGB2BGRA);
        return out;
    }
    cv::Mat alpha3;
    cv::cvtColor(image.alpha, alpha3, cv::COLOR_GRAY2RGB);
    cv::Mat premultiplied;
    cv::multiply(image.rgb, alpha3, premultiplied);
    premultiplied.convertTo(rgb8, CV_8U, 255.0);
    cv::Mat alpha8;
    image.alpha.convertTo(alpha8, CV_8U, 255.0);
    cv::Mat bgr8;
    cv::cvtColor(rgb8, bgr8, cv::COLOR_RGB2BGR);
    const int fromTo[] = {0, 0, 1, 1, 2, 2, 3, 3};
    const cv::Mat sources[] = {bgr8, alpha8};
    cv::mixChannels(sources, 2, &target, 1, fromTo, 4);
    return out;
}

QImage toDisplayQImage(const Image& image, int maxSide) {
    return toQImage(resizedImage(image, previewProxySize(image.rgb.size(), maxSide)));
}

QImage unitMapToQImage(const cv::Mat& map) {
    if (map.empty()) {
        return {};
    }
    cv::Mat gray8;
    map.convertTo(gray8, CV_8U, 255.0);
    cv::Mat bgra8;
    cv::cvtColor(gray8, bgra8, cv::COLOR_GRAY2BGRA);
    return wrapCopy(bgra8, QImage::Format_RGB32);
}

QImage proximityToQImage(const cv::Mat& proximity) {
    if (proximity.empty()) {
        return {};
    }
    cv::Mat unit8;
    cv::normalize(proximity, unit8, 0, 255, cv::NORM_MINMAX, CV_8U);
    cv::Mat colour;
    cv::applyColorMap(unit8, colour, cv::COLORMAP_TURBO);
    cv::cvtColor(colour, colour, cv::COLOR_BGR2BGRA);
    return wrapCopy(colour, QImage::Format_RGB32);
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
