#pragma once

#include "cli_options.h"

namespace depthstyle::cli {

// Runs the options; returns the exit code (0 on success, 1 on failure with
// one line on stderr).
int runCli(const CliOptions& options);

}  // namespace depthstyle::cli
