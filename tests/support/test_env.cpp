#include "test_env.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace depthstyle::test {

QString sourceDir() {
    return QStringLiteral(DEPTHSTYLE_SOURCE_DIR);
}
QString pythonExecutable() {
    return QStringLiteral(DEPTHSTYLE_PYTHON);
}
QString cliExecutable() {
    return QStringLiteral(DEPTHSTYLE_CLI);
}
ModelFiles standinModelFiles() {
    return ModelFiles::inDirectory(standinModelDir().toStdString());
}

std::unique_ptr<Session> standinSession(const std::string& content, const std::string& style,
                                        int contentSize, int styleSize) {
    auto session = std::make_unique<Session>(standinModelFiles());
    session->setContent(content, contentSize);
    session->setStyle(style, styleSize);
    return session;
}

QString standinModelDir() {
    return QStringLiteral(DEPTHSTYLE_STANDINS) + "/models";
}
QString standinPublishedDir() {
    return QStringLiteral(DEPTHSTYLE_STANDINS) + "/published";
}

QStringList standinCliArguments(const QString& content, const QString& style,
                                const QString& output) {
    return {"--models",       standinModelDir(),
            "--content",      content,
            "--style",        style,
            "--output",       output,
            "--content-size", "48",
            "--style-size",   "40",
            "--threads",      "2"};
}

ProcessResult runProcess(const QString& program, const QStringList& arguments, int timeoutMs,
                         const QStringList& extraEnvironment) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DEPTHSTYLE_PYTHON", pythonExecutable());
    for (const QString& assignment : extraEnvironment) {
        const qsizetype eq = assignment.indexOf('=');
        if (eq > 0 && eq == assignment.size() - 1) {
            environment.remove(assignment.left(eq));
        } else {
            environment.insert(assignment.left(eq), assignment.mid(eq + 1));
        }
    }
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(10000)) {
        result.err = "could not start " + program;
        return result;
    }
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

ProcessResult runPythonTool(const QString& script, const QStringList& arguments, int timeoutMs) {
    return runProcess(pythonExecutable(),
                      QStringList{sourceDir() + "/tests/tools/" + script} + arguments, timeoutMs);
}

ProcessResult interruptWhen(const QString& marker, const QStringList& command, int timeoutMs) {
    const QString script = R"sh(set -u
marker="$1"; shift
err=$(mktemp)
"$@" 2> "$err" &
run=$!
for i in $(seq 1200); do
  grep -q -- "$marker" "$err" && break
  sleep 0.05
done
kill -INT "$run"
wait "$run"; status=$?
cat "$err" >&2; rm -f "$err"
exit "$status"
)sh";
    return runProcess("bash", QStringList{"-c", script, "-", marker} + command, timeoutMs);
}

}  // namespace depthstyle::test
