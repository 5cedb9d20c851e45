#include "depthstyle/color_preservation.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>

namespace depthstyle {

namespace {

struct ColorStatistics {
    cv::Matx31d mean;
    cv::Matx33d cholesky;  // lower triangular L with L L^T = covariance
};

// Lower Cholesky factor of a 3x3 symmetric matrix; false when it is not
// positive definite.
bool choleskyLower(const cv::Matx33d& a, cv::Matx33d& l) {
    l = cv::Matx33d::zeros();
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j <= i; ++j) {
            double sum = a(i, j);
            for (int k = 0; k < j; ++k) {
                sum -= l(i, k) * l(j, k);
            }
            if (i == j) {
                if (!(sum > 0.0)) {
                    return false;
                }
                l(i, i) = std::sqrt(sum);
            } else {
                l(i, j) = sum / l(j, j);
            }
        }
    }
    return true;
}

ColorStatistics statisticsOf(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_32FC3 && !rgb.empty());
    cv::Vec3d sum(0, 0, 0);
    cv::Matx33d products = cv::Matx33d::zeros();
    for (int y = 0; y < rgb.rows; ++y) {
        const cv::Vec3f* row = rgb.ptr<cv::Vec3f>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            const cv::Vec3d v(row[x]);
            sum += v;
            for (int i = 0; i < 3; ++i) {
                for (int j = 0; j <= i; ++j) {
                    products(i, j) += v[i] * v[j];
                }
            }
        }
    }
    const double n = static_cast<double>(rgb.total());
    ColorStatistics s;
    cv::Matx33d covariance;
    for (int i = 0; i < 3; ++i) {
        s.mean(i) = sum[i] / n;
    }
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j <= i; ++j) {
            covariance(i, j) = covariance(j, i) = products(i, j) / n - s.mean(i) * s.mean(j);
        }
    }
    if (!choleskyLower(covariance, s.cholesky)) {
        covariance += cv::Matx33d::eye() * 1e-6;
        if (!choleskyLower(covariance, s.cholesky)) {
            s.cholesky = cv::Matx33d::eye() * 1e-3;
        }
    }
    return s;
}

}  // namespace

cv::Mat matchColorStatistics(const cv::Mat& style, const cv::Mat& content) {
    const ColorStatistics s = statisticsOf(style);
    const ColorStatistics c = statisticsOf(content);
    const cv::Matx33d map = c.cholesky * s.cholesky.inv(cv::DECOMP_LU);
    const cv::Matx31d shift = c.mean - map * s.mean;
    cv::Mat out(style.size(), CV_32FC3);
    for (int y = 0; y < style.rows; ++y) {
        const cv::Vec3f* in = style.ptr<cv::Vec3f>(y);
        cv::Vec3f* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < style.cols; ++x) {
            for (int i = 0; i < 3; ++i) {
                o[x][i] = static_cast<float>(map(i, 0) * in[x][0] + map(i, 1) * in[x][1] +
                                             map(i, 2) * in[x][2] + shift(i));
            }
        }
    }
    return out;
}

void keepContentChroma(cv::Mat& result, const cv::Mat& content) {
    CV_Assert(result.type() == CV_32FC3 && content.type() == CV_32FC3 &&
              result.size() == content.size());
    for (int y = 0; y < result.rows; ++y) {
        cv::Vec3f* r = result.ptr<cv::Vec3f>(y);
        const cv::Vec3f* c = content.ptr<cv::Vec3f>(y);
        for (int x = 0; x < result.cols; ++x) {
            const float luma = 0.299f * r[x][0] + 0.587f * r[x][1] + 0.114f * r[x][2];
            const float contentLuma = 0.299f * c[x][0] + 0.587f * c[x][1] + 0.114f * c[x][2];
            const float cb = (c[x][2] - contentLuma) / 1.772f;
            const float cr = (c[x][0] - contentLuma) / 1.402f;
            // R = Y' + 1.402 Cr, B = Y' + 1.772 Cb, G from Y' = .299 R + .587 G + .114 B.
            const float red = luma + 1.402f * cr;
            const float blue = luma + 1.772f * cb;
            const float green = (luma - 0.299f * red - 0.114f * blue) / 0.587f;
            r[x] = cv::Vec3f(std::clamp(red, 0.0f, 1.0f), std::clamp(green, 0.0f, 1.0f),
                             std::clamp(blue, 0.0f, 1.0f));
        }
    }
}

}  // namespace depthstyle
