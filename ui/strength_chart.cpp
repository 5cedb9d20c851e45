#include "strength_chart.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>

#include "theme.h"

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
    plot_->yAxis->setLabel(tr("P: content kept"));
    plot_->yAxis2->setLabel(tr("share of image"));
    plot_->yAxis2->setVisible(true);
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1.02);

    histogram_ = new QCPBars(plot_->xAxis, plot_->yAxis2);
    histogram_->setWidth(1.0 / kBins);
    histogram_->setPen(Qt::NoPen);
    histogram_->setName(tr("proximity histogram"));

    curve_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    curve_->setName(tr("strength"));

    meanLine_ = new QCPItemStraightLine(plot_);
    note_ = new QCPItemText(plot_);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.08);
    note_->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
    note_->setText(tr("Plain AdaIN: uniform α, depth not used"));
    note_->setVisible(false);
    applyPalette();
    redrawCurve();
}

QStringList StrengthChart::clippedAxisTitles() const {
    QStringList clipped;
    const QRect area = plot_->axisRect()->rect();
    for (const QCPAxis* axis : {plot_->xAxis, plot_->yAxis, plot_->yAxis2}) {
        const int room = axis->orientation() == Qt::Horizontal ? area.width() : area.height();
        if (QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()) > room) {
            clipped << axis->label();
        }
    }
    return clipped;
}

void StrengthChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
}

void StrengthChart::applyPalette() {
    const QPalette& p = palette();
    const QColor background = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    QColor faint = text;
    faint.setAlpha(60);
    background_ = background;
    plot_->setBackground(background);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis, plot_->yAxis2}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(faint, 1, Qt::DotLine));
    }
    QColor bars = p.color(QPalette::Highlight);
    bars.setAlpha(110);
    histogram_->setBrush(bars);
    // Of two oranges, the one that stands out more from this background.
    const QColor deep(190, 70, 20);
    const QColor bright(255, 150, 70);
    curveColour_ =
        contrastRatio(deep, background) >= contrastRatio(bright, background) ? deep : bright;
    meanLine_->setPen(QPen(hintColour(p), 1, Qt::DashLine));
    note_->setColor(text);
    redrawCurve();
}

QColor StrengthChart::backgroundColour() const {
    return background_;
}

QColor StrengthChart::textColour() const {
    return plot_->xAxis->tickLabelColor();
}

QColor StrengthChart::curveColour() const {
    return curveColour_;
}

bool StrengthChart::depthCurveGreyed() const {
    return note_->visible();
}

void StrengthChart::setProximity(const cv::Mat& gridProximity, cv::Size contentSize) {
    grid_ = gridProximity;
    contentSize_ = contentSize;
    const ProximityProfile profile = proximityProfile(gridProximity, kBins);
    QVector<double> centres(kBins);
    QVector<double> shares(kBins, 0.0);
    for (int i = 0; i < kBins; ++i) {
        centres[i] = (i + 0.5) / kBins;
        if (!profile.shares.empty()) {
            shares[i] = profile.shares[static_cast<size_t>(i)];
        }
    }
    mean_ = profile.mean;
    histogram_->setData(centres, shares, true);
    plot_->yAxis2->setRange(0,
                            std::max(0.05, *std::max_element(shares.begin(), shares.end()) * 1.1));
    redrawCurve();
}

void StrengthChart::setSettings(const StrengthSettings& settings) {
    settings_ = settings;
    redrawCurve();
}

double StrengthChart::curveAt(double x) const {
    return strengthAt(x, frame_, settings_);
}

double StrengthChart::markerProximity() const {
    return frame_.focusProximity ? *frame_.focusProximity : frame_.mean;
}

void StrengthChart::redrawCurve() {
    frame_ = StrengthFrame{mean_, std::nullopt, 0.0};
    if (!grid_.empty()) {
        frame_ = strengthFrame(grid_, settings_, contentSize_);
    }
    const StrengthCurve points = strengthCurve(frame_, settings_, kCurvePoints);
    const QVector<double> xs(points.proximity.begin(), points.proximity.end());
    const QVector<double> ys(points.strength.begin(), points.strength.end());
    curve_->setData(xs, ys, true);
    // Plain AdaIN does not use depth: its flat line is greyed and said so.
    const bool depthAware = settings_.method != Method::Adain;
    curve_->setPen(depthAware ? QPen(curveColour_, 2.5)
                              : QPen(hintColour(palette()), 2.0, Qt::DashLine));
    note_->setVisible(!depthAware);
    meanLine_->point1->setCoords(markerProximity(), 0);
    meanLine_->point2->setCoords(markerProximity(), 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace depthstyle::ui
