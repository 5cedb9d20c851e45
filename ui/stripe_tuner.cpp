#include "stripe_tuner.h"

#include <memory>
#include <optional>

#include "depthstyle/stripe_tuning.h"
#include "render_activity.h"
#include "render_service.h"
#include "shared_models.h"

namespace depthstyle::ui {

StripeTuner::StripeTuner(RenderService& service, QObject* parent)
    : QObject(parent), models_(service.sharedModels()), activity_(service.activity()) {
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

StripeTuner::~StripeTuner() {
    stop_ = true;  // the measurement ends at its next layer; threads_ waits for it
}

void StripeTuner::previewFinished() {
    if (measuring_) {
        return;
    }
    measuring_ = true;
    // The networks are taken, measured and the choice written on a worker:
    // taking them can wait for a load in progress.
    threads_.run([this]() -> std::function<void()> {
        try {
            const std::shared_ptr<const Models> models = models_.get();
            const StripeBudgetChoice choice =
                measureStripeBudget(*models, measurementTurns(activity_, stop_));
            rememberStripeBudget(stripeBudgetCacheFile(), choice);
            return [choice] { applyStripeBudget(choice); };
        } catch (const std::exception&) {
            // No networks (missing models), renders all along, or closing:
            // measured another time.
            return [this] { measuring_ = false; };
        }
    });
}

}  // namespace depthstyle::ui
