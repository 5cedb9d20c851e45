#include "strength_chart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>

namespace depthstyle::ui {
namespace {
constexpr int kBins = 32;
constexpr int kCurvePoints = 201;
}  // namespace

StrengthChart::StrengthChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    setAccessibleName(tr("Strength curve"));
    setAccessibleDescription(
        tr("How proximity becomes stylization strength: the curve for the current beta and "
           "epsilon over a histogram of this image's proximity values."));
    setToolTip(accessibleDescription());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumHeight(160);

    plot_->xAxis->setLabel(tr("normalised proximity (far → near)"));
    plot_->yAxis->setLabel(tr("strength P (content kept)"));
    plot_->yAxis2->setLabel(tr("share of image"));
    plot_->yAxis2->setVisible(true);
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1.02);

    histogram_ = new QCPBars(plot_->xAxis, plot_->yAxis2);
    histogram_->setWidth(1.0 / kBins);
    histogram_->setPen(Qt::NoPen);
    histogram_->setBrush(QColor(120, 140, 200, 110));
    histogram_->setName(tr("proximity histogram"));

    curve_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    curve_->setPen(QPen(QColor(220, 80, 30), 2.5));
    curve_->setName(tr("strength"));

    meanLine_ = new QCPItemStraightLine(plot_);
    meanLine_->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    redrawCurve();
}

void StrengthChart::setProximity(const cv::Mat& gridProximity) {
    QVector<double> centres(kBins);
    QVector<double> shares(kBins, 0.0);
    for (int i = 0; i < kBins; ++i) {
        centres[i] = (i + 0.5) / kBins;
    }
    mean_ = 0.5;
    if (!gridProximity.empty()) {
        double low = 0;
        double high = 0;
        cv::minMaxLoc(gridProximity, &low, &high);
        const double spread = high - low;
        double sum = 0;
        for (int y = 0; y < gridProximity.rows; ++y) {
            for (int x = 0; x < gridProximity.cols; ++x) {
                const double v = spread > 0 ? (gridProximity.at<float>(y, x) - low) / spread : 0.0;
                shares[std::min(kBins - 1, static_cast<int>(v * kBins))] += 1.0;
                sum += v;
            }
        }
        const double count = static_cast<double>(gridProximity.total());
        for (double& share : shares) {
            share /= count;
        }
        mean_ = sum / count;
    }
    histogram_->setData(centres, shares, true);
    plot_->yAxis2->setRange(0,
                            std::max(0.05, *std::max_element(shares.begin(), shares.end()) * 1.1));
    redrawCurve();
}

void StrengthChart::setParameters(double beta, double epsilon) {
    beta_ = beta;
    epsilon_ = epsilon;
    redrawCurve();
}

double StrengthChart::curveAt(double x) const {
    return std::min(1.0 / (1.0 + std::exp(-beta_ * (x - mean_))), 1.0 - epsilon_);
}

void StrengthChart::redrawCurve() {
    QVector<double> xs(kCurvePoints);
    QVector<double> ys(kCurvePoints);
    for (int i = 0; i < kCurvePoints; ++i) {
        xs[i] = i / double(kCurvePoints - 1);
        ys[i] = curveAt(xs[i]);
    }
    curve_->setData(xs, ys, true);
    meanLine_->point1->setCoords(mean_, 0);
    meanLine_->point2->setCoords(mean_, 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace depthstyle::ui
