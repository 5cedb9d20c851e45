#pragma once

#include <QObject>
#include <optional>

#include "background_measurement.h"
#include "depthstyle/decoder_speed.h"

namespace depthstyle::ui {

class NotificationBar;
class ParameterPanel;
class RenderService;

// Fast decoding (bfloat16) is worth it on some processors and slower on
// others. The first time it is turned on on this machine, the decoder is
// timed in both precisions on a thread of its own (about a second), each
// pass waiting while the app renders (depthstyle/measurement_turns.h), and
// the result is remembered per processor. The panel's description then
// states what was measured; where bfloat16 is not faster, the notification
// bar says so and recommends full precision.
class DecoderSpeedAdvisor : public QObject {
    Q_OBJECT
public:
    DecoderSpeedAdvisor(RenderService& service, ParameterPanel& panel,
                        NotificationBar& notification, QObject* parent = nullptr);

    const std::optional<DecoderSpeed>& speed() const { return speed_; }
    bool measuring() const { return measurement_.busy(); }

private:
    void fastDecodingToggled(bool on);
    void measured(const DecoderSpeed& speed);
    void adviseIfSlower();

    ParameterPanel& panel_;
    NotificationBar& notification_;
    std::optional<DecoderSpeed> speed_;
    BackgroundMeasurement measurement_;  // last: stopped before the rest goes
};

}  // namespace depthstyle::ui
