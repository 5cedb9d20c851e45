#include "edit_steps.h"

namespace depthstyle::ui {

int EditSteps::stepFor(int control, qint64 timeMs) {
    const bool paused = !held_ && timeMs - lastMs_ > kBurstGapMs;
    if (!open_ || control != control_ || paused) {
        ++step_;
    }
    open_ = true;
    control_ = control;
    lastMs_ = timeMs;
    return step_;
}

void EditSteps::hold(bool held) {
    if (held != held_) {
        close();  // a press starts a step, a release ends it
    }
    held_ = held;
}

}  // namespace depthstyle::ui
