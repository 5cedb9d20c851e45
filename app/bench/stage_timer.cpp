#include "stage_timer.h"

namespace depthstyle::bench {

Progress StageTimer::progress() {
    Progress p;
    p.report = [this](Stage stage, double fraction) {
        const Clock::time_point now = Clock::now();
        if (fraction <= 0.0) {
            started_[stage] = now;
        } else if (fraction >= 1.0 && started_.count(stage) != 0) {
            seconds_[stage] += std::chrono::duration<double>(now - started_[stage]).count();
            started_.erase(stage);
        }
    };
    return p;
}

}  // namespace depthstyle::bench
