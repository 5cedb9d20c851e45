#include "stripe_tuner.h"

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
    connect(&service, &RenderService::previewFinished, this, &StripeTuner::previewFinished);
}

void StripeTuner::previewFinished() {
    if (measuring_) {
        return;
    }
    measuring_ = true;
    disconnect(sender(), nullptr, this, nullptr);
    threads_.run(
        [this]() -> std::function<void()> {
            try {
                const StripeBudgetChoice choice = measureStripeBudget(*models_.get());
                rememberStripeBudget(stripeBudgetCacheFile(), choice);
                return [choice] { applyStripeBudget(choice); };
            } catch (const std::exception&) {
                return {};  // no networks (missing models): measured another time
            }
        },
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
