#pragma once

#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

#include "depthstyle/decoder_speed.h"
#include "worker_threads.h"

namespace depthstyle::ui {

class NotificationBar;
class ParameterPanel;
class RenderActivity;
class RenderService;
class SharedModels;

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
    ~DecoderSpeedAdvisor() override;

    const std::optional<DecoderSpeed>& speed() const { return speed_; }
    bool measuring() const { return threads_.busy(); }

private:
    void fastDecodingToggled(bool on);
    void measured(const DecoderSpeed& speed);
    void adviseIfSlower();

    SharedModels& models_;
    std::shared_ptr<RenderActivity> activity_;
    ParameterPanel& panel_;
    NotificationBar& notification_;
    std::optional<DecoderSpeed> speed_;
    std::atomic<bool> stop_{false};  // closing: read by the measurement
    WorkerThreads threads_;          // the measurement, waited for on destruction
};

}  // namespace depthstyle::ui
