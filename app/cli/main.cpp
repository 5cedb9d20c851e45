#include <QCoreApplication>
#include <csignal>
#include <cstdio>

#include "cli_options.h"
#include "cli_run.h"
#include "depthstyle/image_io.h"
#include "depthstyle/process_setup.h"

namespace {

// Ctrl+C or a kill: the file being written goes, then the default action.
void onInterrupt(int signal) {
    depthstyle::removePendingTemporaryFiles();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("depthstyle-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPTHSTYLE_VERSION));

    const depthstyle::cli::ParseOutcome parsed =
        depthstyle::cli::parseCommandLine(QCoreApplication::arguments());
    if (!parsed.options) {
        if (parsed.exitCode == 0) {
            std::fputs(qPrintable(parsed.text), stdout);
        } else {
            std::fprintf(stderr, "depthstyle-cli: error: %s (see --help)\n",
                         qPrintable(parsed.text));
        }
        return parsed.exitCode;
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    depthstyle::configureProcess(parsed.options->threads);
    return depthstyle::cli::runCli(*parsed.options);
}
