#pragma once

#include <chrono>
#include <map>

#include "depthstyle/progress.h"

namespace depthstyle::bench {

// Times each stage of a render from its first progress report to its
// fraction 1.0.
class StageTimer {
public:
    Progress progress();
    // Seconds per stage of the last render (stages that ran).
    const std::map<Stage, double>& seconds() const { return seconds_; }
    void clear() { seconds_.clear(); }

private:
    using Clock = std::chrono::steady_clock;
    std::map<Stage, Clock::time_point> started_;
    std::map<Stage, double> seconds_;
};

}  // namespace depthstyle::bench
