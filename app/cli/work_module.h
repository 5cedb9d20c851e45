#pragma once

#include <cstdint>
#include <string>

#include "cli_options.h"

namespace depthstyle::cli {

// What the program did before loading the module: the heap is tuned, and
// this much of it warmed (the warm-up may still be touching it:
// awaitHeapWarmups waits for the program's).
struct WorkStart {
    std::uint64_t warmedHeapBytes = 0;
    void (*awaitHeapWarmups)() = nullptr;
};

// The module's entry point: installs the Ctrl+C handlers, sets the compute
// threads and runs the command; returns the exit status.
using WorkEntry = int (*)(const CliOptions*, const WorkStart*);
constexpr const char* kWorkEntryName = "depthstyle_cli_work";
// The build the module was made by: a program runs only its own build's
// module (the options are passed as C++ objects).
using WorkBuild = const char* (*)();
constexpr const char* kWorkBuildName = "depthstyle_cli_work_build";
constexpr const char* kWorkModuleName = "depthstyle-cli-work.so";
// Version, size of the options and compiler: what must match.
inline std::string workBuild() {
    return std::string(DEPTHSTYLE_VERSION) + " options:" + std::to_string(sizeof(CliOptions)) +
           " start:" + std::to_string(sizeof(WorkStart)) + " " + __VERSION__;
}

// Loads the module (next to the program in a build tree, else in the
// installed private library folder) and runs the options through it. When
// the module cannot be loaded, prints why (naming the file) and returns 1.
int runInWorkModule(const CliOptions& options);

// Ends the process after work: the outputs are complete by then (written to
// temporaries and renamed), so the libraries' teardown, which only frees
// memory the system takes back anyway, is skipped.
[[noreturn]] void endProcess(int status);

}  // namespace depthstyle::cli
