#pragma once

#include <QObject>
#include <optional>

#include "depthstyle/decoder_speed.h"
#include "worker_threads.h"

namespace depthstyle::ui {

class NotificationBar;
class ParameterPanel;
class SharedModels;

// Fast decoding (bfloat16) is worth it on some processors and slower on
// others. The first time it is turned on on this machine, the decoder is
// timed in both precisions on a thread of its own (about a second), and
// the result is remembered per processor. The panel's description then
// states what was measured; where bfloat16 is not faster, the notification
// bar says so and recommends full precision.
class DecoderSpeedAdvisor : public QObject {
    Q_OBJECT
public:
    DecoderSpeedAdvisor(SharedModels& models, ParameterPanel& panel, NotificationBar& notification,
                        QObject* parent = nullptr);

    const std::optional<DecoderSpeed>& speed() const { return speed_; }
    bool measuring() const { return threads_.busy(); }

private:
    void fastDecodingToggled(bool on);
    void measured(const DecoderSpeed& speed);
    void adviseIfSlower();

    SharedModels& models_;
    ParameterPanel& panel_;
    NotificationBar& notification_;
    std::optional<DecoderSpeed> speed_;
    WorkerThreads threads_;  // the measurement, waited for on destruction
};

}  // namespace depthstyle::ui
