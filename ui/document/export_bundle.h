#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "depthstyle/image.h"
#include "depthstyle/model_files.h"
#include "parameters.h"

namespace depthstyle::doc {

// Everything "Export all" writes: one rendered picture and its inputs.
struct ExportBundle {
    Image result;
    Image plain;  // plain AdaIN with alpha = plainAlpha
    Image contentUsed;
    Image styleUsed;
    std::vector<Image> moreStylesUsed;  // written as style-2.png, style-3.png, …
    cv::Mat proximity;                  // content size
    cv::Mat strengthGrid;               // feature grid
    Parameters parameters;
    double plainAlpha = 0.0;
    QString contentPath;
    QString stylePath;
    QStringList moreStylePaths;
    ModelFiles models;
    // For a final render at full resolution: the sizes the artist tuned the
    // parameters at (-1: the parameters' own sizes are those).
    int tunedContentSize = -1;
    int tunedStyleSize = -1;
};

// Every file "Export all" may write into a folder, in order (the layer
// files only when the parameters have layers, style-N.png only for
// several styles, at most kMaxExportedStyles of them).
inline constexpr int kMaxExportedStyles = 9;
QStringList exportAllFileNames();
// The files one set with these parameters writes.
QStringList exportSetFileNames(const Parameters& parameters, size_t moreStyles = 0);
// The name of style `index` (0 the first) as used, in an exported set.
QString exportedStyleName(size_t index);
// The parameters as the set's sidecar names them: its layers by the set's
// own file names (depth-edit.png, strength-override.png).
Parameters exportedParameters(const Parameters& parameters);

// The JSON sidecar: every parameter, the inputs, and the model files' SHA-256.
QJsonObject sidecarJson(const ExportBundle& bundle);

// Writes the result (format by extension; `quality` for JPEG and WebP), a
// PNG with the parameters in text chunks. Atomic. Throws EngineError.
void exportResult(const QString& path, const Image& result, int quality,
                  const Parameters& parameters);

// Writes every file of exportAllFileNames() into `folder`, replacing a set
// there; returns their paths. All or nothing: the set is written into a
// temporary folder inside `folder` and then moved in, and on any failure the
// folder keeps what it held. Throws EngineError naming the file.
QStringList exportAll(const QString& folder, const ExportBundle& bundle);

// Which files of an exported set `folder` already holds (to ask first).
QStringList existingExportFiles(const QString& folder);

}  // namespace depthstyle::doc
