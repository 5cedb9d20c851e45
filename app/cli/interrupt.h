#pragma once

#include <atomic>

namespace depthstyle::cli {

// SIGTERM, and Ctrl+C (SIGINT) for one picture: the file being written is
// removed and the program ends at once. With `graceful` (batches and
// video), the first Ctrl+C only raises the flag, so that the work stops at
// its next check (a render is cancelled between layers and its picture
// discarded; a file being written is finished) and the program reports
// what was done; Ctrl+C again ends it at once.
void installInterruptHandlers(bool graceful);

// Raised by the first Ctrl+C; give it to Progress::cancel.
const std::atomic<bool>* interruptFlag();

// The exit status after a Ctrl+C stop (128 + SIGINT, as a shell reports it).
constexpr int kInterruptedExit = 130;

}  // namespace depthstyle::cli
