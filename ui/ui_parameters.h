#pragma once

#include <QJsonObject>
#include <QString>

#include "depthstyle/session.h"

namespace depthstyle::ui {

// Every setting of the parameter panel, as one value: undo snapshots, the
// settings file and the JSON sidecar all use it.
struct UiParameters {
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

    RenderParams renderParams() const;
    DepthSource depthSource() const;
    QJsonObject toJson() const;
    // Missing or invalid fields keep their defaults.
    static UiParameters fromJson(const QJsonObject& json);
    bool operator==(const UiParameters& other) const;
    bool operator!=(const UiParameters& other) const { return !(*this == other); }
};

}  // namespace depthstyle::ui
