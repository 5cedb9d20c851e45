#include "parameters.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>
#include <algorithm>
#include <cmath>

#include "depthstyle/engine_error.h"
#include "local_path.h"

namespace depthstyle::doc {
namespace {

constexpr int kMaxSizeSetting = 65535;

[[noreturn]] void badField(const char* field, const char* expected) {
    throw EngineError(ErrorKind::InvalidArgument,
                      std::string("\"") + field + "\" must be " + expected);
}

double number(const QJsonObject& json, const char* field, double value, double low, double high) {
    if (!json.contains(field)) {
        return value;
    }
    const QJsonValue v = json.value(field);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < low ||
        v.toDouble() > high) {
        badField(field, ("a number in [" + std::to_string(int(low)) + ", " +
                         std::to_string(int(high)) + "]")
                            .c_str());
    }
    return v.toDouble();
}

int size(const QJsonObject& json, const char* field, int value) {
    const double v = number(json, field, value, 0, kMaxSizeSetting);
    if (v != std::floor(v)) {
        badField(field, "a whole number of pixels");
    }
    return static_cast<int>(v);
}

bool flag(const QJsonObject& json, const char* field, bool value) {
    if (!json.contains(field)) {
        return value;
    }
    if (!json.value(field).isBool()) {
        badField(field, "true or false");
    }
    return json.value(field).toBool();
}

QString choice(const QJsonObject& json, const char* field, const QString& value,
               const QStringList& allowed) {
    if (!json.contains(field)) {
        return value;
    }
    const QString text = json.value(field).toString();
    if (!json.value(field).isString() || !allowed.contains(text)) {
        badField(field, ("one of " + allowed.join(", ").toStdString()).c_str());
    }
    return text;
}

DepthLevels readDepthLevels(const QJsonObject& json);

}  // namespace

StrengthSettings Parameters::strength() const {
    StrengthSettings s;
    s.method = method;
    s.beta = beta;
    s.epsilon = epsilon;
    s.alpha = alpha;
    s.levels = depthLevels;
    s.focus = focus;
    s.depthEdit = depthEdit;
    s.strengthOverride = strengthOverride;
    return s;
}

RenderParams Parameters::renderParams() const {
    return {strength(), fastDecoding ? Precision::BFloat16 : Precision::Float32, preserveColor,
            styleMix};
}

RenderParams Parameters::plainAdainParams(double a) const {
    RenderParams params = renderParams();
    params.strength = StrengthSettings::adain(a);
    return params;
}

DepthSource Parameters::depthSource() const {
    if (!depthFromFile) {
        return {};
    }
    return {DepthSource::Kind::File, localPath(depthPath), depthIsDistance};
}

QJsonObject Parameters::toJson() const {
    QJsonArray weights;
    for (double w : styleMix.weights) {
        weights.append(w);
    }
    return {{"method", method == Method::DaAdain ? "da-adain" : "adain"},
            {"beta", beta},
            {"epsilon", epsilon},
            {"alpha", alpha},
            {"matchedStrength", matchedStrength},
            {"contentSize", contentSize},
            {"styleSize", styleSize},
            {"depthSource", depthFromFile ? "file" : "midas"},
            {"depthPath", depthPath},
            {"depthIsDistance", depthIsDistance},
            {"decoderPrecision", precisionName(renderParams().decoderPrecision)},
            {"depthLevels", QJsonArray{depthLevels.black, depthLevels.white, depthLevels.gamma}},
            {"depthInvert", depthLevels.invert},
            {"preserveColor", colorPreservationName(preserveColor)},
            {"styleMix", styleMix.kind == StyleMix::Kind::NearFar ? "near-far" : "weights"},
            {"styleWeights", weights},
            {"focus", focus ? QJsonValue(QJsonArray{focus->x, focus->y}) : QJsonValue()},
            {"depthEdit", depthEditPath},
            {"strengthOverride", strengthOverridePath}};
}

Parameters Parameters::fromJson(const QJsonObject& json) {
    Parameters p;
    p.method = json.value("method").toString() == "adain" ? Method::Adain : Method::DaAdain;
    p.beta = std::clamp(json.value("beta").toDouble(p.beta), 0.0, 100.0);
    p.epsilon = std::clamp(json.value("epsilon").toDouble(p.epsilon), 0.0, 1.0);
    p.alpha = std::clamp(json.value("alpha").toDouble(p.alpha), 0.0, 1.0);
    p.matchedStrength = json.value("matchedStrength").toBool(p.matchedStrength);
    p.contentSize = std::clamp(json.value("contentSize").toInt(p.contentSize), 0, kMaxSizeSetting);
    p.styleSize = std::clamp(json.value("styleSize").toInt(p.styleSize), 0, kMaxSizeSetting);
    p.depthFromFile = json.value("depthSource").toString() == "file";
    p.depthPath = json.value("depthPath").toString();
    p.depthIsDistance = json.value("depthIsDistance").toBool(false);
    p.fastDecoding = precisionFromName(json.value("decoderPrecision").toString().toStdString()) ==
                     Precision::BFloat16;
    if (p.depthPath.isEmpty()) {
        p.depthFromFile = false;
    }
    p.preserveColor =
        colorPreservationFromName(json.value("preserveColor").toString().toStdString())
            .value_or(ColorPreservation::None);
    // Saved settings keep the levels when they are valid; the focus and the
    // layers belong to one picture and are not restored.
    try {
        p.depthLevels = readDepthLevels(json);
    } catch (const EngineError&) {
    }
    return p;
}

namespace {

DepthLevels readDepthLevels(const QJsonObject& json) {
    DepthLevels levels;
    const QJsonValue value = json.value("depthLevels");
    if (!value.isUndefined() && !value.isNull()) {
        const QJsonArray list = value.toArray();
        if (!value.isArray() || list.size() != 3 ||
            !std::all_of(list.begin(), list.end(), [](const QJsonValue& v) {
                return v.isDouble() && std::isfinite(v.toDouble());
            })) {
            badField("depthLevels", "[black, white, gamma]: three numbers");
        }
        levels.black = list[0].toDouble();
        levels.white = list[1].toDouble();
        levels.gamma = list[2].toDouble();
        try {
            validate(levels);
        } catch (const EngineError& e) {
            badField("depthLevels", (std::string("valid levels: ") + e.what()).c_str());
        }
    }
    levels.invert = flag(json, "depthInvert", false);
    return levels;
}

std::optional<cv::Point2d> readFocus(const QJsonObject& json) {
    const QJsonValue value = json.value("focus");
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    const QJsonArray list = value.toArray();
    if (!value.isArray() || list.size() != 2 ||
        !std::all_of(list.begin(), list.end(), [](const QJsonValue& v) {
            return v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0;
        })) {
        badField("focus", "null or [x, y]: fractions in [0, 1] of the content's width and height");
    }
    return cv::Point2d(list[0].toDouble(), list[1].toDouble());
}

std::vector<double> readWeights(const QJsonObject& json) {
    const QJsonValue value = json.value("styleWeights");
    std::vector<double> weights;
    if (value.isUndefined() || value.isNull()) {
        return weights;
    }
    if (!value.isArray()) {
        badField("styleWeights", "a list of numbers >= 0, one per style");
    }
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isDouble() || !(v.toDouble() >= 0.0) || !std::isfinite(v.toDouble())) {
            badField("styleWeights", "a list of numbers >= 0, one per style");
        }
        weights.push_back(v.toDouble());
    }
    try {
        validate(StyleMix{StyleMix::Kind::Weights, weights});
    } catch (const EngineError&) {
        badField("styleWeights", "a list of numbers >= 0 with a sum above 0");
    }
    return weights;
}

QString layerPath(const QJsonObject& json, const char* field) {
    const QJsonValue value = json.value(field);
    if (!value.isUndefined() && !value.isNull() && !value.isString()) {
        badField(field, "a file path (empty: none)");
    }
    return value.toString();
}

}  // namespace

Parameters Parameters::fromJsonStrict(const QJsonObject& json) {
    Parameters p;
    p.method = choice(json, "method", "da-adain", {"da-adain", "adain"}) == "adain"
                   ? Method::Adain
                   : Method::DaAdain;
    p.beta = number(json, "beta", p.beta, 0, 1e6);
    p.epsilon = number(json, "epsilon", p.epsilon, 0, 1);
    p.alpha = number(json, "alpha", p.alpha, 0, 1);
    p.matchedStrength = flag(json, "matchedStrength", p.matchedStrength);
    p.contentSize = size(json, "contentSize", p.contentSize);
    p.styleSize = size(json, "styleSize", p.styleSize);
    p.depthFromFile = choice(json, "depthSource", "midas", {"midas", "file"}) == "file";
    if (json.contains("depthPath") && !json.value("depthPath").isString()) {
        badField("depthPath", "a file path");
    }
    p.depthPath = json.value("depthPath").toString();
    if (p.depthFromFile && p.depthPath.isEmpty()) {
        badField("depthPath", "the depth map's path when \"depthSource\" is \"file\"");
    }
    p.depthIsDistance = flag(json, "depthIsDistance", p.depthIsDistance);
    p.fastDecoding = choice(json, "decoderPrecision", "fp32", {"fp32", "bf16"}) == "bf16";
    p.depthLevels = readDepthLevels(json);
    p.focus = readFocus(json);
    p.preserveColor = *colorPreservationFromName(
        choice(json, "preserveColor", "none", {"none", "style-to-content", "luminance"})
            .toStdString());
    p.styleMix.kind = choice(json, "styleMix", "weights", {"weights", "near-far"}) == "near-far"
                          ? StyleMix::Kind::NearFar
                          : StyleMix::Kind::Weights;
    p.styleMix.weights = readWeights(json);
    p.depthEditPath = layerPath(json, "depthEdit");
    p.strengthOverridePath = layerPath(json, "strengthOverride");
    return p;
}

void resolveLayerPaths(Parameters& p, const QString& sidecarFolder) {
    for (QString* path : {&p.depthEditPath, &p.strengthOverridePath}) {
        if (!path->isEmpty() && QFileInfo(*path).isRelative()) {
            *path = QDir(sidecarFolder).filePath(*path);
        }
    }
}

Parameters atFullResolution(const Parameters& working, int originalWidth, int originalHeight) {
    Parameters full = working;
    full.contentSize = 0;
    const int smaller = std::min(originalWidth, originalHeight);
    if (working.contentSize > 0 && working.styleSize > 0 && smaller > 0) {
        const double factor = double(smaller) / working.contentSize;
        full.styleSize = std::max(1, int(std::lround(working.styleSize * factor)));
    }
    return full;
}

bool Parameters::operator==(const Parameters& o) const {
    return method == o.method && beta == o.beta && epsilon == o.epsilon && alpha == o.alpha &&
           matchedStrength == o.matchedStrength && contentSize == o.contentSize &&
           styleSize == o.styleSize && depthFromFile == o.depthFromFile &&
           depthPath == o.depthPath && depthIsDistance == o.depthIsDistance &&
           fastDecoding == o.fastDecoding && preserveColor == o.preserveColor &&
           styleMix == o.styleMix && depthLevels == o.depthLevels && focus == o.focus &&
           depthEditPath == o.depthEditPath && strengthOverridePath == o.strengthOverridePath &&
           depthEdit == o.depthEdit && strengthOverride == o.strengthOverride;
}

}  // namespace depthstyle::doc
