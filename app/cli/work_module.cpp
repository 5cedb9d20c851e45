// The part of depthstyle-cli that does the work, with LibTorch and OpenCV:
// a module the program loads only once the command line asks for work, so
// --help, --version and mistakes on the command line answer at once
// (loading LibTorch's ~290 libraries takes about half a second).
#include "work_module.h"

#include <string>

#include "cli_run.h"
#include "depthstyle/heap.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/run_trace.h"
#include "interrupt.h"

extern "C" __attribute__((visibility("default"))) const char* depthstyle_cli_work_build() {
    static const std::string build = depthstyle::cli::workBuild();
    return build.c_str();
}

extern "C" __attribute__((visibility("default"))) int depthstyle_cli_work(
    const depthstyle::cli::CliOptions* options, const depthstyle::cli::WorkStart* start) {
    depthstyle::cli::installInterruptHandlers(options->isBatch() || options->video);
    {
        const depthstyle::trace::Part part("process set-up");
        // The program tuned the heap before loading this module.
        depthstyle::configureProcess(options->threads, /*tuneHeap=*/false);
        depthstyle::noteWarmedHeapBytes(start->warmedHeapBytes);
        depthstyle::noteOtherHeapWarmups(start->awaitHeapWarmups);
    }
    return depthstyle::cli::runCli(*options);
}
