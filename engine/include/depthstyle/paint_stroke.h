#pragma once

#include <opencv2/core/mat.hpp>

#include "depthstyle/paint_layer.h"

namespace depthstyle {

// A round brush. `size` is the diameter in pixels of the layer; `hardness`
// in [0,1] is the share of the radius painted at full strength, beyond
// which the coverage falls linearly to 0 at the rim; `opacity` in [0,1] is
// the most a stroke covers. `grey` is the paint (1 white, 0 black);
// `erase` takes paint away instead of adding it.
struct Brush {
    double size = 40.0;
    double hardness = 0.5;
    double opacity = 1.0;
    float grey = 1.0f;
    bool erase = false;
};

// The coverage of a dab at distance `d` from its centre, in [0,1].
double brushCoverage(const Brush& brush, double d);

// One stroke on a layer: the stroke's coverage is the most any of its dabs
// gives a pixel (so a stroke never goes beyond its opacity, however often
// it passes), and the result is the layer before the stroke with the
// stroke composited on it:
//   paint:  a' = c + a (1 - c),  g' = (p c + g a (1 - c)) / a'
//   erase:  a' = a (1 - c),      g' = g
// for coverage c, paint grey p, and the layer's grey g and alpha a.
class PaintStroke {
public:
    // With `fileSteps`, the painted pixels are rounded to the 16-bit steps
    // of the layer's PNG (quantiseLayer()), as they are painted.
    PaintStroke(PaintLayer before, const Brush& brush, bool fileSteps = false);
    // A dab centred at `at` (layer pixels); moveTo() dabs along the segment
    // from the last point every quarter of the radius.
    void dabAt(cv::Point2d at);
    void moveTo(cv::Point2d at);
    // A copy of the layer with the stroke so far (kept composited dab by
    // dab, so this is one copy, not a pass over the whole layer).
    PaintLayer result() const;
    // The part of the layer the stroke touched so far.
    cv::Rect touched() const { return touched_; }

private:
    void composite(cv::Rect box);

    PaintLayer before_;
    PaintLayer composite_;  // before_ with the stroke so far
    bool fileSteps_ = false;
    Brush brush_;
    cv::Mat coverage_;  // CV_32FC1, the stroke's coverage so far
    cv::Point2d last_;
    bool started_ = false;
    cv::Rect touched_;
};

}  // namespace depthstyle
