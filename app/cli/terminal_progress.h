#pragma once

#include <QString>
#include <atomic>
#include <string>

#include "depthstyle/progress.h"

namespace depthstyle::cli {

// Progress for the terminal: on a terminal, a line of the stage and its
// percentage, rewritten in place (nothing when stderr is not a terminal);
// `cancel` (Ctrl+C's flag) stops the work between layers.
Progress terminalProgress(const std::atomic<bool>* cancel);

// Prints one line on stderr, starting on a line of its own (not after an
// unfinished progress line): "depthstyle-cli: <text>".
void printLine(const std::string& text);

// The time left, for progress lines: "12 s", "3 min 05 s", "1 h 02 min".
std::string durationText(double seconds);

}  // namespace depthstyle::cli
