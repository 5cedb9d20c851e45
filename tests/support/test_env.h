#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <string>

#include "depthstyle/model_files.h"
#include "depthstyle/session.h"

namespace depthstyle::test {

// Paths the build passes to the tests.
QString sourceDir();
QString pythonExecutable();  // a python3 that has torch (Debian's python3-torch)
QString cliExecutable();
// Stand-in models installed by the real set-up script (the test fixture),
// and the published-format files it installed them from.
QString standinModelDir();
ModelFiles standinModelFiles();  // the files in standinModelDir()
// A session on the stand-in models with a content and a style image set
// (smaller sides scaled to the sizes; 0 keeps an image's own size).
std::unique_ptr<Session> standinSession(const std::string& content, const std::string& style,
                                        int contentSize = 0, int styleSize = 0);
QString standinPublishedDir();
// depthstyle-cli's arguments for a small run on the stand-in models: the
// content and style `content` and `style`, written to `output`, at 48 and 40
// pixels, on 2 threads.
QStringList standinCliArguments(const QString& content, const QString& style,
                                const QString& output);

struct ProcessResult {
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

// Runs a program with a bounded wait (it is killed after `timeoutMs`).
ProcessResult runProcess(const QString& program, const QStringList& arguments,
                         int timeoutMs = 120000, const QStringList& extraEnvironment = {});

// Runs a program (`command`: the program, then its arguments) and sends it
// SIGINT, as Ctrl+C does, once its stderr holds `marker`; the result has its
// exit status and stderr.
ProcessResult interruptWhen(const QString& marker, const QStringList& command,
                            int timeoutMs = 240000);

// Runs one of tests/tools/*.py with the torch-enabled python.
ProcessResult runPythonTool(const QString& script, const QStringList& arguments,
                            int timeoutMs = 300000);

}  // namespace depthstyle::test
