#pragma once

#include "cli_options.h"

namespace depthstyle::cli {

// Runs a batch (options.isBatch()): one model load, each style decoded and
// encoded once, each content's depth and features made once. A bad input
// or an output that cannot be written is reported in one line naming the
// file and skipped; the last line reads "N written, M failed, K skipped".
// Returns 0 when nothing failed, 1 when something did, kInterruptedExit
// after Ctrl+C (the picture at hand discarded, no partial file).
int runBatch(const CliOptions& options);

}  // namespace depthstyle::cli
