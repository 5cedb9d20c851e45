#pragma once

#include <QtGlobal>

namespace depthstyle::ui {

// Which changes of a control make one undo step. A slider drag, from press
// to release, is one step however long it pauses; so is a burst of keys or
// wheel turns on one control with less than kBurstGapMs between them.
// Anything else starts a new step: a release, a longer pause, another
// control, an undo or redo, an export (so that the state exported can
// always be reached again by undo).
class EditSteps {
public:
    static constexpr qint64 kBurstGapMs = 700;

    // The step a change of `control` made at `timeMs` (a monotonic clock's
    // milliseconds) belongs to: changes with equal numbers merge.
    int stepFor(int control, qint64 timeMs);
    // A slider pressed (true) or released (false).
    void hold(bool held);
    // The open step ends; the next change starts a new one.
    void close() { open_ = false; }

private:
    int step_ = 0;
    int control_ = -1;
    qint64 lastMs_ = 0;
    bool open_ = false;
    bool held_ = false;
};

}  // namespace depthstyle::ui
