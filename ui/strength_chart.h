#pragma once

#include <QWidget>
#include <opencv2/core/mat.hpp>

#include "depthstyle/strength_map.h"

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace depthstyle::ui {

// Explains beta and epsilon: the curve from normalised proximity to strength
// (Algorithm 1 steps 4-7: the sigmoid around the mean, the 1 - epsilon
// ceiling) over a histogram of this image's proximity values.
class StrengthChart : public QWidget {
    Q_OBJECT
public:
    explicit StrengthChart(QWidget* parent = nullptr);

    // Proximity on the feature grid as Algorithm 1 reads it (after levels
    // and depth edit), of a `contentSize` picture (for the focus cell);
    // empty clears the histogram.
    void setProximity(const cv::Mat& gridProximity, cv::Size contentSize = cv::Size());
    void setSettings(const StrengthSettings& settings);
    // The curve's value at normalised proximity x (strengthAt(), for tests).
    double curveAt(double x) const;
    double meanProximity() const { return mean_; }
    // Where the marker line stands: the mean of step 5, or with a focus the
    // focus depth.
    double markerProximity() const;
    // The colours in use, for readability checks.
    QColor backgroundColour() const;
    QColor textColour() const;
    QColor curveColour() const;  // of the depth-aware curve
    // Plain AdaIN: the flat line is greyed, with a note that depth is unused.
    bool depthCurveGreyed() const;
    // The axis titles longer than their axis as now laid out (cut off on
    // screen); empty when every title fits.
    QStringList clippedAxisTitles() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void redrawCurve();
    // Takes background, axes, text and accents from the widget's palette.
    void applyPalette();

    QCustomPlot* plot_;
    QCPBars* histogram_;
    QCPGraph* curve_;
    QCPItemStraightLine* meanLine_;
    QCPItemText* note_;  // why the curve is flat in plain AdaIN
    QColor curveColour_;
    StrengthSettings settings_;
    double mean_ = 0.5;  // of the normalised proximity
    cv::Mat grid_;
    cv::Size contentSize_;
    StrengthFrame frame_;
    QColor background_;
};

}  // namespace depthstyle::ui
