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
    // taking them can wait for a load in progress. They are taken once the
    // app is quiet, so that a long wait does not hold networks the app may
    // have replaced meanwhile.
    threads_.run(
        [this]() -> std::function<void()> {
            try {
                if (!activity_->awaitQuiet(stop_)) {
                    return {};
                }
                const std::shared_ptr<const Models> models = models_.get();
                // Or another program's, where one was remembered before
                // this measurement started.
                const std::optional<StripeBudgetChoice> choice =
                    stripeBudgetForThisMachine(*models, {}, measurementTurns(activity_, stop_));
                if (!choice) {
                    // Closing, renders all along, or the measurement failed:
                    // measured at the next start.
                    return {};
                }
                return [choice] { applyStripeBudget(*choice); };
            } catch (const std::exception&) {
                return [this] { measuring_ = false; };  // missing models: measured another time
            }
        },
        // Where the system heeds it: below the window (the lanes run low too).
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
