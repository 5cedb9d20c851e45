#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

#include "depthstyle/session.h"

namespace depthstyle::doc {

// Every parameter of a picture, as one value, for the app and the CLI alike:
// undo snapshots, the settings file, the sidecar, the PNG text chunks and
// `depthstyle-cli --params` all use it.
struct Parameters {
    Method method = Method::DaAdain;
    double beta = 20.0;
    double epsilon = 0.15;
    double alpha = 0.0;
    bool matchedStrength = false;  // plain AdaIN comparison uses alpha = mean(P)
    int contentSize = 512;         // smaller side; 0 keeps the original
    int styleSize = 512;
    bool depthFromFile = false;
    QString depthPath;
    bool depthIsDistance = false;
    bool fastDecoding = false;  // decoder in bfloat16
    ColorPreservation preserveColor = ColorPreservation::None;
    // Several styles: interpolation weights (one per style image; empty:
    // the first style alone) or near and far styles by depth.
    StyleMix styleMix;
    // The artist's controls on the strength map (StrengthSettings).
    DepthLevels depthLevels;           // black, white, gamma, invert
    std::optional<cv::Point2d> focus;  // fractions of the content's width, height
    // Painted layers: the file each came from or was exported as (relative
    // paths are relative to the sidecar that names them; empty for a layer
    // painted in the app and not exported yet), and the layer itself (null:
    // not loaded, or none). Layers compare by identity.
    QString depthEditPath;
    QString strengthOverridePath;
    SharedPaintLayer depthEdit;
    SharedPaintLayer strengthOverride;

    StrengthSettings strength() const;
    RenderParams renderParams() const;
    // The plain-AdaIN comparison of these parameters: content weight
    // `alpha`, the same styles, precision and colours.
    RenderParams plainAdainParams(double alpha) const;
    DepthSource depthSource() const;
    QJsonObject toJson() const;
    // For saved settings: missing or invalid fields keep their defaults.
    static Parameters fromJson(const QJsonObject& json);
    // For files a user hands over (a sidecar, --params): every field that is
    // present must have the right type and range. Returns the parameters, or
    // throws EngineError(InvalidArgument) naming the field.
    static Parameters fromJsonStrict(const QJsonObject& json);
    bool operator==(const Parameters& other) const;
    bool operator!=(const Parameters& other) const { return !(*this == other); }
};

// The parameters of a final render at the photo's own size: the content at
// its original size, and the style scaled by the same factor as the
// content (so strokes keep their size relative to the picture). `original`
// is the content image's size before any scaling.
// Paths a sidecar names, made absolute against the sidecar's folder.
void resolveLayerPaths(Parameters& parameters, const QString& sidecarFolder);

// Loads the layers the parameters name and have not loaded (throws
// EngineError naming the file).
void loadNamedLayers(Parameters& parameters);

Parameters atFullResolution(const Parameters& working, int originalWidth, int originalHeight);

}  // namespace depthstyle::doc
