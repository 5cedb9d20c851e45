#pragma once

#include <atomic>

namespace depthstyle::cli {

// Ctrl+C (SIGINT) once: the flag is raised, so that the work at hand stops
// at its next check (a render is cancelled between layers, a batch after
// the picture at hand) and the program ends cleanly. Ctrl+C again, or
// SIGTERM: the file being written is removed and the program ends at once.
void installInterruptHandlers();

// Raised by the first Ctrl+C; give it to Progress::cancel.
const std::atomic<bool>* interruptFlag();

// The exit status after a Ctrl+C stop (128 + SIGINT, as a shell reports it).
constexpr int kInterruptedExit = 130;

}  // namespace depthstyle::cli
