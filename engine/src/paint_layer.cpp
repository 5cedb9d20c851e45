#include "depthstyle/paint_layer.h"

#include <algorithm>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"

namespace depthstyle {

PaintLayer transparentLayer(cv::Size size) {
    return {cv::Mat::zeros(size, CV_32FC1), cv::Mat::zeros(size, CV_32FC1)};
}

bool paintsAnything(const PaintLayer& layer) {
    if (layer.empty()) {
        return false;
    }
    double maxAlpha = 0.0;
    cv::minMaxLoc(layer.alpha, nullptr, &maxAlpha);
    return maxAlpha > 0.0;
}

PaintLayer loadPaintLayer(const std::string& path) {
    const Image image = loadImage(path);
    PaintLayer layer;
    std::vector<cv::Mat> channels;
    cv::split(image.rgb, channels);
    cv::Mat luma;
    if (cv::norm(channels[0], channels[1], cv::NORM_INF) == 0.0 &&
        cv::norm(channels[0], channels[2], cv::NORM_INF) == 0.0) {
        luma = channels[0];  // grey already: exactly the values written
    } else {
        cv::transform(image.rgb, luma, cv::Matx13f(0.299f, 0.587f, 0.114f));
    }
    layer.grey = luma;
    cv::min(layer.grey, 1.0, layer.grey);
    cv::max(layer.grey, 0.0, layer.grey);
    layer.alpha = image.hasAlpha() ? image.alpha : cv::Mat(luma.size(), CV_32FC1, cv::Scalar(1));
    return layer;
}

void savePaintLayer(const std::string& path, const PaintLayer& layer) {
    CV_Assert(!layer.empty() && layer.grey.size() == layer.alpha.size());
    cv::Mat bgra;
    cv::merge(std::vector<cv::Mat>{layer.grey, layer.grey, layer.grey, layer.alpha}, bgra);
    bgra.convertTo(bgra, CV_16U, 65535.0);
    writeEncodedAtomically(path, bgra);
}

void quantiseLayer(PaintLayer& layer, cv::Rect area) {
    const cv::Rect whole(cv::Point(0, 0), layer.size());
    const cv::Rect part = area.empty() ? whole : (area & whole);
    for (cv::Mat* plane : {&layer.grey, &layer.alpha}) {
        cv::Mat region = (*plane)(part);
        cv::Mat steps;
        region.convertTo(steps, CV_16U, 65535.0);
        steps.convertTo(region, CV_32F, 1.0 / 65535.0);
    }
}

PaintLayer layerAtSize(const PaintLayer& layer, cv::Size size) {
    if (layer.size() == size) {
        return layer;
    }
    const bool shrinks = size.width < layer.size().width || size.height < layer.size().height;
    const int interpolation = shrinks ? cv::INTER_AREA : cv::INTER_LINEAR;
    PaintLayer out;
    cv::resize(layer.grey, out.grey, size, 0, 0, interpolation);
    cv::resize(layer.alpha, out.alpha, size, 0, 0, interpolation);
    return out;
}

cv::Mat layerOnFeatureGrid(const PaintLayer& source, cv::Size contentSize) {
    const PaintLayer layer = layerAtSize(source, contentSize);
    const cv::Size grid = featureGridSize(contentSize);
    cv::Mat out(grid, CV_32FC2);
    for (int gy = 0; gy < grid.height; ++gy) {
        const int y0 = gy * 8;
        const int y1 = std::min(y0 + 8, contentSize.height);
        for (int gx = 0; gx < grid.width; ++gx) {
            const int x0 = gx * 8;
            const int x1 = std::min(x0 + 8, contentSize.width);
            double alphaSum = 0.0;
            double paintSum = 0.0;
            for (int y = y0; y < y1; ++y) {
                const float* grey = layer.grey.ptr<float>(y);
                const float* alpha = layer.alpha.ptr<float>(y);
                for (int x = x0; x < x1; ++x) {
                    alphaSum += alpha[x];
                    paintSum += double(grey[x]) * alpha[x];
                }
            }
            const double count = double(y1 - y0) * (x1 - x0);
            out.at<cv::Vec2f>(gy, gx) = cv::Vec2f(static_cast<float>(alphaSum / count),
                                                  static_cast<float>(paintSum / count));
        }
    }
    return out;
}

void applyLayerOnGrid(cv::Mat& map, const cv::Mat& layerGrid) {
    CV_Assert(map.type() == CV_32FC1 && layerGrid.type() == CV_32FC2 &&
              map.size() == layerGrid.size());
    for (int y = 0; y < map.rows; ++y) {
        float* cell = map.ptr<float>(y);
        const cv::Vec2f* paint = layerGrid.ptr<cv::Vec2f>(y);
        for (int x = 0; x < map.cols; ++x) {
            cell[x] = cell[x] * (1.0f - paint[x][0]) + paint[x][1];
        }
    }
}

}  // namespace depthstyle
