#include <QCoreApplication>
#include <cstdio>

#include "cli_options.h"
#include "cli_run.h"
#include "depthstyle/process_setup.h"

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
    depthstyle::configureProcess(parsed.options->threads);
    return depthstyle::cli::runCli(*parsed.options);
}
