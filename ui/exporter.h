#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>

#include "depthstyle/model_files.h"
#include "ui_parameters.h"

namespace depthstyle::ui {

// Everything "Export all" writes, captured from the window.
struct ExportBundle {
    Image result;
    Image plain;
    Image contentUsed;
    Image styleUsed;
    cv::Mat proximity;     // content size
    cv::Mat strengthGrid;  // feature grid
    UiParameters parameters;
    double plainAlpha = 0.0;
    QString contentPath;
    QString stylePath;
    ModelFiles models;
};

// The files "Export all" writes into a folder, in order.
QStringList exportAllFileNames();

// The JSON sidecar: every parameter, the inputs, and the model files' SHA-256.
QJsonObject sidecarJson(const ExportBundle& bundle);

// Writes the result (format by extension; `quality` for JPEG and WebP) with
// the parameters in PNG text chunks. Atomic. Throws EngineError.
void exportResult(const QString& path, const Image& result, int quality,
                  const QJsonObject& parameters);

// Writes every file of exportAllFileNames() into `folder`; returns their
// paths. Each file is atomic. Throws EngineError naming the file.
QStringList exportAll(const QString& folder, const ExportBundle& bundle);

// Reads a sidecar's parameters. Throws EngineError naming the file.
UiParameters readSidecar(const QString& path);

// SHA-256 of a file in hex, empty when unreadable (cached per path and time).
QString sha256OfFile(const QString& path);

}  // namespace depthstyle::ui
