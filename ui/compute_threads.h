#pragma once

class QMenu;

namespace depthstyle::ui {

class NotificationBar;

// The compute threads the app renders with: the saved choice (View > Compute
// Threads), else every core, as the CLI's --threads. Read once by main() at
// start-up; 0 = every core.
int savedComputeThreads();

// View > Compute Threads: every core, or fewer to keep the machine free for
// other work (from the next start).
void addComputeThreadsMenu(QMenu* view, NotificationBar* notification);

}  // namespace depthstyle::ui
