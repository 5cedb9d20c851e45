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
    measuring_ = true;
    disturbed_ = false;
    // The networks are taken, measured and the choice written on a worker:
    // taking them can wait for a load in progress.
    threads_.run(
        [this]() -> std::function<void()> {
            try {
                const std::shared_ptr<const Models> models = models_.get();
                const StripeBudgetChoice choice = measureStripeBudget(*models);
                return [this, choice] {
                    if (!disturbed_) {
                        applyStripeBudget(choice);
                        threads_.run([choice]() -> std::function<void()> {
                            try {
                                rememberStripeBudget(stripeBudgetCacheFile(), choice);
                            } catch (const std::exception&) {
                                // Not remembered: measured again next start.
                            }
                            return {};
                        });
                    }
                };
            } catch (const std::exception&) {
                // No networks (missing models): measured another time.
                return [this] { measuring_ = false; };
            }
        },
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
