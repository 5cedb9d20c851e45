#include "depthstyle/paint_stroke.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>

namespace depthstyle {

double brushCoverage(const Brush& brush, double d) {
    const double radius = std::max(brush.size / 2.0, 0.5);
    const double hard = std::clamp(brush.hardness, 0.0, 1.0) * radius;
    double coverage = 0.0;
    if (d <= hard) {
        coverage = 1.0;
    } else if (d < radius) {
        coverage = (radius - d) / (radius - hard);
    }
    return coverage * std::clamp(brush.opacity, 0.0, 1.0);
}

PaintStroke::PaintStroke(PaintLayer before, const Brush& brush, bool fileSteps)
    : before_(std::move(before)), fileSteps_(fileSteps), brush_(brush) {
    CV_Assert(!before_.empty());
    coverage_ = cv::Mat::zeros(before_.size(), CV_32FC1);
    composite_ = {before_.grey.clone(), before_.alpha.clone()};
}

void PaintStroke::dabAt(cv::Point2d at) {
    const double radius = std::max(brush_.size / 2.0, 0.5);
    const cv::Rect box =
        cv::Rect(cv::Point(int(std::floor(at.x - radius)), int(std::floor(at.y - radius))),
                 cv::Point(int(std::ceil(at.x + radius)) + 1, int(std::ceil(at.y + radius)) + 1)) &
        cv::Rect(cv::Point(0, 0), coverage_.size());
    for (int y = box.y; y < box.y + box.height; ++y) {
        float* row = coverage_.ptr<float>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            // The pixel's centre.
            const double d = std::hypot(x + 0.5 - at.x, y + 0.5 - at.y);
            row[x] = std::max(row[x], static_cast<float>(brushCoverage(brush_, d)));
        }
    }
    composite(box);
    touched_ = touched_.empty() ? box : (touched_ | box);
    last_ = at;
    started_ = true;
}

void PaintStroke::moveTo(cv::Point2d at) {
    if (!started_) {
        dabAt(at);
        return;
    }
    const double spacing = std::max(brush_.size / 8.0, 0.5);
    const double length = std::hypot(at.x - last_.x, at.y - last_.y);
    const cv::Point2d from = last_;
    const int steps = std::max(1, static_cast<int>(std::ceil(length / spacing)));
    for (int i = 1; i <= steps; ++i) {
        const double t = double(i) / steps;
        dabAt(from + (at - from) * t);
    }
}

PaintLayer PaintStroke::result() const {
    return {composite_.grey.clone(), composite_.alpha.clone()};
}

void PaintStroke::composite(cv::Rect box) {
    for (int y = box.y; y < box.y + box.height; ++y) {
        const float* c = coverage_.ptr<float>(y);
        const float* g0 = before_.grey.ptr<float>(y);
        const float* a0 = before_.alpha.ptr<float>(y);
        float* g = composite_.grey.ptr<float>(y);
        float* a = composite_.alpha.ptr<float>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            g[x] = g0[x];
            a[x] = a0[x];
            if (c[x] <= 0.0f) {
                continue;
            }
            if (brush_.erase) {
                a[x] = a0[x] * (1.0f - c[x]);
                continue;
            }
            const float alpha = c[x] + a0[x] * (1.0f - c[x]);
            g[x] =
                alpha > 0.0f ? (brush_.grey * c[x] + g0[x] * a0[x] * (1.0f - c[x])) / alpha : 0.0f;
            a[x] = alpha;
        }
    }
    if (fileSteps_) {
        quantiseLayer(composite_, box);
    }
}

}  // namespace depthstyle
