#include "ui_parameters.h"

#include <algorithm>

namespace depthstyle::ui {

RenderParams UiParameters::renderParams() const {
    return {
        method, {beta, epsilon}, alpha, fastDecoding ? Precision::BFloat16 : Precision::Float32};
}

DepthSource UiParameters::depthSource() const {
    if (!depthFromFile) {
        return {};
    }
    return {DepthSource::Kind::File, depthPath.toStdString(), depthIsDistance};
}

QJsonObject UiParameters::toJson() const {
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
            {"decoderPrecision", precisionName(renderParams().decoderPrecision)}};
}

UiParameters UiParameters::fromJson(const QJsonObject& json) {
    UiParameters p;
    p.method = json.value("method").toString() == "adain" ? Method::Adain : Method::DaAdain;
    p.beta = std::clamp(json.value("beta").toDouble(p.beta), 0.0, 100.0);
    p.epsilon = std::clamp(json.value("epsilon").toDouble(p.epsilon), 0.0, 1.0);
    p.alpha = std::clamp(json.value("alpha").toDouble(p.alpha), 0.0, 1.0);
    p.matchedStrength = json.value("matchedStrength").toBool(p.matchedStrength);
    p.contentSize = std::max(0, json.value("contentSize").toInt(p.contentSize));
    p.styleSize = std::max(0, json.value("styleSize").toInt(p.styleSize));
    p.depthFromFile = json.value("depthSource").toString() == "file";
    p.depthPath = json.value("depthPath").toString();
    p.depthIsDistance = json.value("depthIsDistance").toBool(false);
    p.fastDecoding = precisionFromName(json.value("decoderPrecision").toString().toStdString()) ==
                     Precision::BFloat16;
    if (p.depthPath.isEmpty()) {
        p.depthFromFile = false;
    }
    return p;
}

bool UiParameters::operator==(const UiParameters& o) const {
    return method == o.method && beta == o.beta && epsilon == o.epsilon && alpha == o.alpha &&
           matchedStrength == o.matchedStrength && contentSize == o.contentSize &&
           styleSize == o.styleSize && depthFromFile == o.depthFromFile &&
           depthPath == o.depthPath && depthIsDistance == o.depthIsDistance &&
           fastDecoding == o.fastDecoding;
}

}  // namespace depthstyle::ui
