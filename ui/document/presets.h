#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "parameters.h"

namespace depthstyle::doc {

// A named starting point for the strength settings (method, beta, epsilon,
// alpha); sizes, depth source and precision are left as they are.
struct Preset {
    QString key;   // for the command line: paper, subtle, strong, adain
    QString name;  // for people (translated by the app)
    Parameters apply(Parameters parameters) const;
    Method method = Method::DaAdain;
    double beta = 20.0;
    double epsilon = 0.15;
    double alpha = 0.0;
};

const std::vector<Preset>& builtInPresets();
// The preset's name in the user's language.
QString presetDisplayName(const Preset& preset);
std::optional<Preset> presetByKey(const QString& key);

}  // namespace depthstyle::doc
