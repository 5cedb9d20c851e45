#include "user_presets.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSettings>
#include <algorithm>
#include <memory>

#include "depthstyle/engine_error.h"
#include "sidecar.h"

namespace depthstyle::doc {
namespace {

// What a preset holds: the look, not the photo's own inputs.
const char* const kPresetKeys[] = {
    "method",         "beta",        "epsilon",     "alpha",         "contentSize",
    "styleSize",      "depthLevels", "depthInvert", "preserveColor", "decoderPrecision",
    "matchedStrength"};

std::unique_ptr<QSettings> appSettings() {
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QStringLiteral("DepthStyle"), QStringLiteral("depthstyle"));
}

}  // namespace

QJsonObject presetJson(const Parameters& parameters) {
    const QJsonObject all = parameters.toJson();
    QJsonObject preset;
    for (const char* key : kPresetKeys) {
        preset.insert(key, all.value(key));
    }
    return preset;
}

Parameters applyPresetJson(const QJsonObject& preset, const Parameters& current) {
    QJsonObject merged = current.toJson();
    for (const char* key : kPresetKeys) {
        if (preset.contains(key)) {
            merged.insert(key, preset.value(key));
        }
    }
    Parameters out = Parameters::fromJsonStrict(merged);
    // What JSON does not carry: the painted layers themselves.
    out.depthEdit = current.depthEdit;
    out.strengthOverride = current.strengthOverride;
    return out;
}

std::vector<UserPreset> userPresets() {
    std::vector<UserPreset> presets;
    for (const QVariant& entry : appSettings()->value("presets/user").toList()) {
        const QVariantMap map = entry.toMap();
        const QString name = map.value("name").toString();
        const QJsonObject parameters = QJsonObject::fromVariantMap(map.value("parameters").toMap());
        if (name.isEmpty()) {
            continue;
        }
        try {
            applyPresetJson(parameters, Parameters());  // readable?
        } catch (const EngineError&) {
            continue;
        }
        presets.push_back({name, parameters});
    }
    return presets;
}

std::optional<UserPreset> userPresetByName(const QString& name) {
    for (const UserPreset& preset : userPresets()) {
        if (preset.name == name) {
            return preset;
        }
    }
    return std::nullopt;
}

namespace {

void storeAll(const std::vector<UserPreset>& presets) {
    QVariantList list;
    for (const UserPreset& preset : presets) {
        list.append(
            QVariantMap{{"name", preset.name}, {"parameters", preset.parameters.toVariantMap()}});
    }
    appSettings()->setValue("presets/user", list);
}

}  // namespace

void saveUserPreset(const UserPreset& preset) {
    std::vector<UserPreset> presets = userPresets();
    bool replaced = false;
    for (UserPreset& existing : presets) {
        if (existing.name == preset.name) {
            existing = preset;
            replaced = true;
        }
    }
    if (!replaced) {
        presets.push_back(preset);
    }
    storeAll(presets);
}

void removeUserPreset(const QString& name) {
    std::vector<UserPreset> presets = userPresets();
    presets.erase(std::remove_if(presets.begin(), presets.end(),
                                 [&](const UserPreset& p) { return p.name == name; }),
                  presets.end());
    storeAll(presets);
}

UserPreset presetFromSidecar(const QString& path) {
    const Sidecar sidecar = readSidecar(path);
    const QString folder = QFileInfo(path).absoluteDir().dirName();
    return {folder.isEmpty() ? QFileInfo(path).completeBaseName() : folder,
            presetJson(sidecar.parameters)};
}

}  // namespace depthstyle::doc
