#include "presets.h"

#include <QCoreApplication>

namespace depthstyle::doc {

Parameters Preset::apply(Parameters parameters) const {
    parameters.method = method;
    parameters.beta = beta;
    parameters.epsilon = epsilon;
    parameters.alpha = alpha;
    return parameters;
}

const std::vector<Preset>& builtInPresets() {
    static const std::vector<Preset> presets{
        {"paper", QT_TRANSLATE_NOOP("Presets", "Paper (beta 20, epsilon 0.15)"), Method::DaAdain,
         20.0, 0.15, 0.0},
        {"subtle", QT_TRANSLATE_NOOP("Presets", "Subtle (beta 8, epsilon 0.4)"), Method::DaAdain,
         8.0, 0.4, 0.0},
        {"strong", QT_TRANSLATE_NOOP("Presets", "Strong depth (beta 50, epsilon 0.05)"),
         Method::DaAdain, 50.0, 0.05, 0.0},
        {"adain", QT_TRANSLATE_NOOP("Presets", "Plain AdaIN, full style"), Method::Adain, 20.0,
         0.15, 0.0},
    };
    return presets;
}

QString presetDisplayName(const Preset& preset) {
    return QCoreApplication::translate("Presets", preset.name.toUtf8().constData());
}

std::optional<Preset> presetByKey(const QString& key) {
    for (const Preset& preset : builtInPresets()) {
        if (preset.key == key) {
            return preset;
        }
    }
    return std::nullopt;
}

}  // namespace depthstyle::doc
