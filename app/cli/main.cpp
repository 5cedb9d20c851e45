#include <QCoreApplication>
#include <cstdio>

#include "cli_options.h"
#include "depthstyle/run_trace.h"
#include "local_path.h"
#include "work_module.h"

int main(int argc, char* argv[]) {
    depthstyle::trace::mark("main", true);
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
        depthstyle::trace::mark("main", false);
        return parsed.exitCode;
    }
    const int status = depthstyle::cli::runInWorkModule(*parsed.options);
    depthstyle::trace::mark("main", false);
    depthstyle::cli::endProcess(status);
}
