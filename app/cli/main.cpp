#include <QCoreApplication>
#include <cstdio>

#include "cli_options.h"
#include "cli_run.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/run_trace.h"
#include "interrupt.h"
#include "local_path.h"

int main(int argc, char* argv[]) {
    const depthstyle::trace::Part whole("main");
    depthstyle::trace::mark("arguments", true);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("depthstyle-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPTHSTYLE_VERSION));

    const depthstyle::cli::ParseOutcome parsed =
        depthstyle::cli::parseCommandLine(depthstyle::doc::commandLineArguments(argc, argv));
    depthstyle::trace::mark("arguments", false);
    if (!parsed.options) {
        if (parsed.exitCode == 0) {
            std::fputs(depthstyle::doc::localPath(parsed.text).c_str(), stdout);
        } else {
            // File names in the message come back as their bytes.
            std::fprintf(stderr, "depthstyle-cli: error: %s (see --help)\n",
                         depthstyle::doc::localPath(parsed.text).c_str());
        }
        return parsed.exitCode;
    }
    depthstyle::cli::installInterruptHandlers(parsed.options->isBatch() || parsed.options->video);
    {
        const depthstyle::trace::Part part("process set-up");
        depthstyle::configureProcess(parsed.options->threads);
    }
    return depthstyle::cli::runCli(*parsed.options);
}
