#include "background_measurement.h"

#include "render_activity.h"
#include "render_service.h"
#include "shared_models.h"

namespace depthstyle::ui {

BackgroundMeasurement::BackgroundMeasurement(RenderService& service, QObject* parent)
    : QObject(parent), models_(service.sharedModels()), activity_(service.activity()) {}

BackgroundMeasurement::~BackgroundMeasurement() {
    stop_ = true;  // the measurement ends at its next layer; threads_ waits for it
}

void BackgroundMeasurement::start(Measure measure, std::function<void()> failed) {
    threads_.run(
        [this, measure = std::move(measure),
         failed = std::move(failed)]() -> std::function<void()> {
            try {
                // Taken once the app is quiet, so that a long wait does not
                // hold networks the app may have replaced meanwhile; taking
                // them can wait for a load in progress.
                if (!activity_->awaitQuiet(stop_)) {
                    return {};
                }
                const std::shared_ptr<const Models> models = models_.get();
                return measure(*models, measurementTurns(activity_, stop_));
            } catch (const std::exception&) {
                return failed;
            }
        },
        // Where the system heeds it: below the window (the lanes run low too).
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
