#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "parameters.h"

namespace depthstyle::doc {

inline constexpr const char* kSidecarFormat = "depthstyle-sidecar-1";
inline constexpr const char* kSidecarFileName = "depthstyle.json";

// What a sidecar (depthstyle.json, written by Export All) says about the
// picture it sits beside.
struct Sidecar {
    Parameters parameters;
    QString contentPath;  // the original inputs; empty for a pasted image
    QString stylePath;
    QStringList moreStylePaths;    // styles after the first ("moreStyles")
    double plainAdainAlpha = 0.0;  // alpha of adain.png
    // A final render at full resolution: the sizes the parameters were tuned
    // at (the parameters hold the final ones); -1 otherwise.
    int tunedContentSize = -1;
    int tunedStyleSize = -1;
    // The parameters to work on in the app: at the tuned sizes when there
    // are any (a full-resolution preview would be slow), else as they are.
    Parameters workingParameters() const;
};

// Reads and validates a sidecar: JSON, the format name when present, a
// "parameters" object whose fields have the right types and ranges
// (Parameters::fromJsonStrict). Throws EngineError naming the file and,
// for a bad field, the field.
Sidecar readSidecar(const QString& path);

// Writes JSON to `path` through a temporary file and a rename. Throws
// EngineError(OutputUnwritable) naming the file.
void writeJsonFile(const QString& path, const QJsonObject& json);

}  // namespace depthstyle::doc
