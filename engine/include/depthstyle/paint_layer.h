#pragma once

#include <memory>
#include <string>

#include <opencv2/core/mat.hpp>

namespace depthstyle {

// A painted layer over the content: grey + alpha, both CV_32FC1 in [0,1] at
// one size (any size; it is resized to the content where it applies). Where
// alpha is 1 the layer's grey replaces the map it paints on; where alpha is
// 0 the map is left as it is; in between, linearly:
//   map' = map (1 - alpha) + grey alpha
// The strength override paints the strength map P (white = P 1, the content
// kept); the depth edit paints the normalised proximity (white = nearest).
struct PaintLayer {
    cv::Mat grey;
    cv::Mat alpha;
    bool empty() const { return grey.empty(); }
    cv::Size size() const { return grey.size(); }
};
using SharedPaintLayer = std::shared_ptr<const PaintLayer>;

// A transparent layer (alpha 0 everywhere, grey 0) of `size`.
PaintLayer transparentLayer(cv::Size size);

// Whether any pixel of the layer has alpha above 0.
bool paintsAnything(const PaintLayer& layer);

// Reads a layer from an 8- or 16-bit PNG (or any format the image loader
// reads): grey + alpha, or colour + alpha (its BT.601 luma is the grey). A
// picture without alpha is opaque. Throws EngineError naming the file.
PaintLayer loadPaintLayer(const std::string& path);

// Writes a layer as a 16-bit PNG with alpha (the grey in each colour
// channel), through a temporary file and a rename.
void savePaintLayer(const std::string& path, const PaintLayer& layer);

// Rounds the layer's values to the 16-bit steps its PNG holds, exactly as
// savePaintLayer() and loadPaintLayer() do: a layer painted in the app then
// gives the same strength map as its exported file.
// Only `area` when given (a stroke's touched part).
void quantiseLayer(PaintLayer& layer, cv::Rect area = cv::Rect());

// The layer resized to `size` (area averaging when it shrinks, bilinear
// when it grows); the same layer when it already has that size.
PaintLayer layerAtSize(const PaintLayer& layer, cv::Size size);

// The layer on the feature grid of a `contentSize` picture, as CV_32FC2:
// per 8x8 block the mean of alpha and the mean of grey x alpha, so that
//   cell' = cell (1 - mean alpha) + mean(grey alpha)
// is the block's average of the per-pixel blend (the cell's value being
// the same over the block). Partial edge blocks average what they have.
cv::Mat layerOnFeatureGrid(const PaintLayer& layer, cv::Size contentSize);

// Applies a layer on the feature grid (layerOnFeatureGrid) to `map`
// (CV_32FC1, the grid's size) in place.
void applyLayerOnGrid(cv::Mat& map, const cv::Mat& layerGrid);

}  // namespace depthstyle
