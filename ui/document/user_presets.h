#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

#include "parameters.h"

namespace depthstyle::doc {

// A preset the artist saved: a name and every parameter of the sidecar
// that does not belong to one photo (method, beta, epsilon, alpha, depth
// levels and invert, colours, sizes, precision). The depth file, focus,
// painted layers and style mix stay with the document they were made for.
struct UserPreset {
    QString name;
    QJsonObject parameters;  // Parameters::toJson() keys, those above only
};

// The preset's part of `parameters`.
QJsonObject presetJson(const Parameters& parameters);

// `current` with the preset's values; fields the preset has no value for
// (or a preset from an older version lacks) keep their current values.
// Throws EngineError(InvalidArgument) naming a bad field.
Parameters applyPresetJson(const QJsonObject& preset, const Parameters& current);

// The presets stored in QSettings (organisation "DepthStyle", application
// "depthstyle": the app's settings, which the CLI reads too), in the order
// saved. Entries that do not read as presets are skipped.
std::vector<UserPreset> userPresets();
std::optional<UserPreset> userPresetByName(const QString& name);
// Saves (replacing one of the same name) or removes a preset.
void saveUserPreset(const UserPreset& preset);
void removeUserPreset(const QString& name);

// A preset from an exported depthstyle.json, named after the folder it is
// in. Throws EngineError naming the file.
UserPreset presetFromSidecar(const QString& path);

}  // namespace depthstyle::doc
