#pragma once

namespace depthstyle::ui {

// Returns the process's free memory to the system on a worker thread, once
// the pictures of a larger working size are gone (the window never waits).
void releaseFreeMemorySoon();

}  // namespace depthstyle::ui
