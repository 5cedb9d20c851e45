// How depthstyle-cli loads its work: LibTorch only when the command line
// asks for work, its libraries one by one before the work module, and the
// module's own definitions first for LibTorch.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdlib>

#include "library_preload.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle::test;

class TestCliLoading : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void answersWithoutLoadingLibTorch();
    void missingWorkModuleIsNamed();
    void workModuleKeepsPthreadpoolSerial();
    void librariesLoadBeforeTheModule();
    void unusableListEntriesAreSkipped();
    void blasStaysOnTheCallingThread();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    QStringList basics(const QString& output) const;
    // Runs `program` on the basics with the dynamic linker's LD_DEBUG=`what`
    // log and returns the log's lines (the files are removed).
    QList<QByteArray> linkerLog(const QString& program, const QString& what, const QString& output);
    QTemporaryDir dir_;
};

QStringList TestCliLoading::basics(const QString& output) const {
    return {"--models",       standinModelDir(),
            "--content",      file("content.png"),
            "--style",        file("style.png"),
            "--output",       output,
            "--content-size", "48",
            "--style-size",   "40",
            "--threads",      "2"};
}

QList<QByteArray> TestCliLoading::linkerLog(const QString& program, const QString& what,
                                            const QString& output) {
    const QString log = file(QStringLiteral("linker-") + what);
    const ProcessResult run =
        runProcess(program, basics(output), 120000,
                   {QStringLiteral("LD_DEBUG=") + what, QStringLiteral("LD_DEBUG_OUTPUT=") + log});
    [&] { QVERIFY2(run.exitCode == 0, qPrintable(run.err)); }();
    QList<QByteArray> lines;
    const QStringList logs =
        QDir(dir_.path()).entryList({QFileInfo(log).fileName() + ".*"}, QDir::Files);
    for (const QString& name : logs) {
        QFile text(file(name));
        if (text.open(QIODevice::ReadOnly)) {
            lines += text.readAll().split('\n');
        }
        text.remove();
    }
    return lines;
}

void TestCliLoading::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(75, 50)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(60, 60)));
}

// --help, --version and mistakes on the command line never load LibTorch
// (half a second of start-up); work loads it.
void TestCliLoading::answersWithoutLoadingLibTorch() {
    const auto loaded = [this](const QStringList& arguments, int exitCode) {
        const ProcessResult run =
            runProcess(cliExecutable(), arguments, 120000, {QStringLiteral("LD_DEBUG=libs")});
        [&] { QCOMPARE(run.exitCode, exitCode); }();
        return run.err.contains(QStringLiteral("libtorch_cpu.so"));
    };
    QVERIFY(!loaded({"--help"}, 0));
    QVERIFY(!loaded({"--version"}, 0));
    QVERIFY(!loaded({"--content", file("content.png")}, 2));
    QVERIFY(loaded(basics(file("lazy.png")), 0));
    QVERIFY(QFileInfo::exists(file("lazy.png")));
}

// A program without its work module says which file it could not load.
void TestCliLoading::missingWorkModuleIsNamed() {
    QTemporaryDir alone;
    const QString program = alone.filePath(QStringLiteral("depthstyle-cli"));
    QVERIFY(QFile::copy(cliExecutable(), program));
    const ProcessResult run = runProcess(program, basics(file("alone.png")));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("cannot load")) &&
                 run.err.contains(QStringLiteral("depthstyle-cli-work.so")),
             qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(file("alone.png")));
    QCOMPARE(runProcess(program, {"--version"}).exitCode, 0);
}

// Inside the program, LibTorch's pthreadpool_create binds to the work
// module's own (src/serial_pthreadpool.cpp), as in the app: its pool has one
// thread (tst_tuning checks the effect). LibTorch is therefore never among
// the libraries loaded before the module.
void TestCliLoading::workModuleKeepsPthreadpoolSerial() {
    QString binding;
    for (const QByteArray& line : linkerLog(cliExecutable(), "bindings", file("bound.png"))) {
        if (line.contains("libtorch_cpu.so") && line.contains("`pthreadpool_create'")) {
            binding = QString::fromLocal8Bit(line);
        }
    }
    QVERIFY2(binding.contains(QStringLiteral("depthstyle-cli-work.so")), qPrintable(binding));
}

// The module's libraries are loaded one by one from the list built beside
// it (app/cli/library_order.sh), dependencies first: by the time the module
// loads, only the libraries that need its definitions are left.
void TestCliLoading::librariesLoadBeforeTheModule() {
    const QString module =
        QFileInfo(cliExecutable()).dir().filePath(QStringLiteral("depthstyle-cli-work.so"));
    QFile list(
        QString::fromStdString(depthstyle::cli::libraryListPath(module.toStdString()).string()));
    QVERIFY2(list.open(QIODevice::ReadOnly), qPrintable(list.fileName()));
    QSet<QByteArray> listed;
    for (const QByteArray& name : list.readAll().split('\n')) {
        if (!name.isEmpty()) {
            listed.insert(name);
        }
    }
    QVERIFY2(listed.size() > 50, qPrintable(QString::number(listed.size())));
    QVERIFY(!listed.contains("libtorch_cpu.so.1.13"));

    // The files the dynamic linker maps, in order ("file=NAME [0];
    // generating link map").
    QList<QByteArray> mapped;
    for (const QByteArray& line : linkerLog(cliExecutable(), "files", file("files.png"))) {
        const int at = line.indexOf("file=");
        if (at >= 0 && line.contains("generating link map")) {
            mapped += line.mid(at + 5, line.indexOf(' ', at) - at - 5);
        }
    }
    const auto isModule = [](const QByteArray& name) {
        return name.endsWith("/depthstyle-cli-work.so");
    };
    const auto moduleAt = std::find_if(mapped.begin(), mapped.end(), isModule);
    QVERIFY(moduleAt != mapped.end());
    const QList<QByteArray> before(mapped.begin(), moduleAt);
    const QList<QByteArray> after(moduleAt + 1, mapped.end());
    int listedBefore = 0;
    for (const QByteArray& name : before) {
        listedBefore += listed.contains(name) ? 1 : 0;
    }
    QVERIFY2(listedBefore > listed.size() / 2, qPrintable(QString::number(listedBefore)));
    for (const QByteArray& name : after) {
        QVERIFY2(!listed.contains(name), name.constData());
    }
    QVERIFY2(after.size() < 5, after.join(' ').constData());
    QVERIFY(QFileInfo::exists(file("files.png")));
}

// A list with names that do not load, paths, blank lines, or no list at all:
// the run goes on (the module loads what it needs), and no path is opened.
void TestCliLoading::unusableListEntriesAreSkipped() {
    QTemporaryDir folder;
    const QString program = folder.filePath(QStringLiteral("depthstyle-cli"));
    const QString module = folder.filePath(QStringLiteral("depthstyle-cli-work.so"));
    QVERIFY(QFile::copy(cliExecutable(), program));
    QVERIFY(
        QFile::copy(QFileInfo(cliExecutable()).dir().filePath("depthstyle-cli-work.so"), module));
    QFile::setPermissions(program, QFile::permissions(program) | QFileDevice::ExeOwner);
    const QString garbage = folder.filePath(QStringLiteral("garbage.so"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("not a library");
    g.close();

    QVERIFY(runProcess(program, basics(file("no-list.png"))).exitCode == 0);
    QVERIFY(QFileInfo::exists(file("no-list.png")));

    QFile list(
        QString::fromStdString(depthstyle::cli::libraryListPath(module.toStdString()).string()));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("libdepthstyle-no-such-library.so.7\n\n" + garbage.toUtf8() +
               "\n../garbage.so\nlibz.so.1\n");
    list.close();
    bool garbageOpened = false;
    for (const QByteArray& line : linkerLog(program, "files", file("odd-list.png"))) {
        garbageOpened = garbageOpened || line.contains("garbage.so");
    }
    QVERIFY(!garbageOpened);
    QVERIFY(QFileInfo::exists(file("odd-list.png")));
}

// OpenBLAS starts no spinning worker: it is told to run on the calling
// thread, unless the user chose a count.
void TestCliLoading::blasStaysOnTheCallingThread() {
    const QByteArray saved = qgetenv("OPENBLAS_NUM_THREADS");
    qunsetenv("OPENBLAS_NUM_THREADS");
    depthstyle::cli::keepBlasOnCallingThread();
    QCOMPARE(qgetenv("OPENBLAS_NUM_THREADS"), QByteArray("1"));
    qputenv("OPENBLAS_NUM_THREADS", "3");
    depthstyle::cli::keepBlasOnCallingThread();
    QCOMPARE(qgetenv("OPENBLAS_NUM_THREADS"), QByteArray("3"));
    if (saved.isNull()) {
        qunsetenv("OPENBLAS_NUM_THREADS");
    } else {
        qputenv("OPENBLAS_NUM_THREADS", saved);
    }
}

QTEST_GUILESS_MAIN(TestCliLoading)
#include "tst_cli_loading.moc"
