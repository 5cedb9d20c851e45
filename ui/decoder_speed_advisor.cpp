#include "decoder_speed_advisor.h"

#include <QCheckBox>

#include "notification_bar.h"
#include "parameter_panel.h"
#include "render_service.h"

namespace depthstyle::ui {

DecoderSpeedAdvisor::DecoderSpeedAdvisor(RenderService& service, ParameterPanel& panel,
                                         NotificationBar& notification, QObject* parent)
    : QObject(parent), panel_(panel), notification_(notification), measurement_(service) {
    speed_ = rememberedDecoderSpeed();
    panel_.setDecoderSpeed(speed_);
    connect(panel_.fastDecodingBox(), &QCheckBox::toggled, this,
            &DecoderSpeedAdvisor::fastDecodingToggled);
}

void DecoderSpeedAdvisor::fastDecodingToggled(bool on) {
    if (!on) {
        return;
    }
    if (speed_) {
        adviseIfSlower();
        return;
    }
    if (measurement_.busy()) {
        return;  // already measuring
    }
    // A render running (the toggle's own re-decode, say) is waited for, and
    // one starting during a pass ends that pass (it is timed again). No
    // networks yet (missing models), renders all along, or closing: measured
    // the next time it is turned on.
    measurement_.start([this](const Models& models, const MeasurementTurns& turns) {
        const DecoderSpeed speed = decoderSpeed(models, turns);
        return std::function<void()>([this, speed] { measured(speed); });
    });
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
