#include "stripe_tuner.h"

#include <memory>
#include <optional>

#include "depthstyle/stripe_tuning.h"
#include "render_service.h"
#include "shared_models.h"

namespace depthstyle::ui {

StripeTuner::StripeTuner(SharedModels& models, RenderService& service, QObject* parent)
    : QObject(parent), models_(models) {
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
    // Renders during the measurement would skew it: such a result is not kept.
    const auto disturbed = [this] { disturbed_ = true; };
    connect(&service, &RenderService::previewProgressed, this, disturbed);
    connect(&service, &RenderService::exportProgressed, this, disturbed);
    connect(&service, &RenderService::variationReady, this, disturbed);
}

void StripeTuner::previewFinished() {
    if (measuring_) {
        return;
    }
    std::shared_ptr<const Models> models;
    try {
        models = models_.get();  // loaded by now: the result was shown
    } catch (const std::exception&) {
        return;  // no networks (missing models): measured another time
    }
    measuring_ = true;
    disturbed_ = false;
    threads_.run(
        [this, models]() -> std::function<void()> {
            try {
                const StripeBudgetChoice choice = measureStripeBudget(*models);
                return [this, choice] {
                    if (!disturbed_) {
                        rememberStripeBudget(stripeBudgetCacheFile(), choice);
                        applyStripeBudget(choice);
                    }
                };
            } catch (const std::exception&) {
                return {};
            }
        },
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
