#pragma once

#include <string>

#include "cli_options.h"

namespace depthstyle::cli {

// The module's entry point: installs the Ctrl+C handlers, sets the compute
// threads and runs the command; returns the exit status.
using WorkEntry = int (*)(const CliOptions*);
constexpr const char* kWorkEntryName = "depthstyle_cli_work";
constexpr const char* kWorkModuleName = "depthstyle-cli-work.so";

// Loads the module (next to the program in a build tree, else in the
// installed private library folder) and runs the options through it. When
// the module cannot be loaded, prints why (naming the file) and returns 1.
int runInWorkModule(const CliOptions& options);

// Ends the process after work: the outputs are complete by then (written to
// temporaries and renamed), so the libraries' teardown, which only frees
// memory the system takes back anyway, is skipped.
[[noreturn]] void endProcess(int status);

}  // namespace depthstyle::cli
