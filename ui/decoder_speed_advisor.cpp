#include "decoder_speed_advisor.h"

#include <QCheckBox>

#include "notification_bar.h"
#include "parameter_panel.h"
#include "render_activity.h"
#include "render_service.h"
#include "shared_models.h"

namespace depthstyle::ui {

DecoderSpeedAdvisor::DecoderSpeedAdvisor(RenderService& service, ParameterPanel& panel,
                                         NotificationBar& notification, QObject* parent)
    : QObject(parent),
      models_(service.sharedModels()),
      activity_(service.activity()),
      panel_(panel),
      notification_(notification) {
    speed_ = rememberedDecoderSpeed();
    panel_.setDecoderSpeed(speed_);
    connect(panel_.fastDecodingBox(), &QCheckBox::toggled, this,
            &DecoderSpeedAdvisor::fastDecodingToggled);
}

DecoderSpeedAdvisor::~DecoderSpeedAdvisor() {
    stop_ = true;  // the measurement ends at its next layer; threads_ waits for it
}

void DecoderSpeedAdvisor::fastDecodingToggled(bool on) {
    if (!on) {
        return;
    }
    if (speed_) {
        adviseIfSlower();
        return;
    }
    if (threads_.busy()) {
        return;  // already measuring
    }
    // A render running (the toggle's own re-decode, say) is waited for, and
    // one starting during a pass ends that pass (it is timed again).
    threads_.run(
        [this]() -> std::function<void()> {
            try {
                if (!activity_->awaitQuiet(stop_)) {
                    return {};
                }
                const DecoderSpeed speed =
                    decoderSpeed(*models_.get(), measurementTurns(activity_, stop_));
                return [this, speed] { measured(speed); };
            } catch (const std::exception&) {
                // No networks yet (missing models), renders all along, or
                // closing: measured the next time it is turned on.
                return {};
            }
        },
        // Where the system heeds it: below the window (the lanes run low too).
        QThread::LowPriority);
}

void DecoderSpeedAdvisor::measured(const DecoderSpeed& speed) {
    speed_ = speed;
    panel_.setDecoderSpeed(speed_);
    if (panel_.fastDecodingBox()->isChecked()) {
        adviseIfSlower();
    }
}

void DecoderSpeedAdvisor::adviseIfSlower() {
    if (speed_ && !speed_->bfloat16Pays()) {
        notification_.showInfo(
            tr("Fast decoding is not faster on this processor: bfloat16 decoded at %1x the speed "
               "of full precision (%2). Full precision is recommended here: it is as fast and "
               "exact.")
                .arg(QString::number(speed_->speedUp(), 'f', 2),
                     QString::fromStdString(speed_->processor)));
    }
}

}  // namespace depthstyle::ui
