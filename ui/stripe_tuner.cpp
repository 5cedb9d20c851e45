#include "stripe_tuner.h"

#include <optional>

#include "depthstyle/stripe_tuning.h"
#include "render_service.h"

namespace depthstyle::ui {

StripeTuner::StripeTuner(RenderService& service, QObject* parent)
    : QObject(parent), measurement_(service) {
    if (!stripeTuningEnabled()) {
        return;
    }
    if (const std::optional<StripeBudgetChoice> known = rememberedStripeBudget()) {
        applyStripeBudget(*known);
        return;
    }
    if (!canRememberStripeBudget()) {
        return;  // it would be measured again at every start
    }
    connect(&service, &RenderService::previewFinished, this, &StripeTuner::previewFinished);
}

void StripeTuner::previewFinished() {
    if (measuring_) {
        return;
    }
    measuring_ = true;
    measurement_.start(
        [](const Models& models, const MeasurementTurns& turns) -> std::function<void()> {
            // Or another program's, where one was remembered before this
            // measurement started.
            const std::optional<StripeBudgetChoice> choice =
                stripeBudgetForThisMachine(models, {}, turns);
            if (!choice) {
                // Closing, renders all along, or the measurement failed:
                // measured at the next start.
                return {};
            }
            return [choice] { applyStripeBudget(*choice); };
        },
        [this] { measuring_ = false; });  // missing models: measured another time
}

}  // namespace depthstyle::ui
