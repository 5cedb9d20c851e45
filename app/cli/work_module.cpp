// The part of depthstyle-cli that does the work, with LibTorch and OpenCV:
// a module the program loads only once the command line asks for work, so
// --help, --version and mistakes on the command line answer at once
// (loading LibTorch's ~290 libraries takes about half a second).
#include "work_module.h"
#include "cli_run.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/run_trace.h"
#include "interrupt.h"

extern "C" __attribute__((visibility("default"))) int depthstyle_cli_work(
    const depthstyle::cli::CliOptions* options) {
    depthstyle::cli::installInterruptHandlers(options->isBatch() || options->video);
    {
        const depthstyle::trace::Part part("process set-up");
        depthstyle::configureProcess(options->threads);
    }
    return depthstyle::cli::runCli(*options);
}
