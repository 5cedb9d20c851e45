// How depthstyle-cli loads its work: LibTorch only when the command line
// asks for work, its libraries one by one before the work module, and the
// module's own definitions first for LibTorch.
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "depthstyle/model_files.h"
#include "library_preload.h"
#include "synthetic_images.h"
#include "test_env.h"
#include "warmup_size.h"

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
    void warmupCountsTheDepthNetwork();
    void onlyThisBuildsKernelsModuleIsCalled();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    QStringList basics(const QString& output) const;
    // Runs `program` on the basics with the dynamic linker's LD_DEBUG=`what`
    // log and returns the log's lines (the files are removed).
    QList<QByteArray> linkerLog(const QString& program, const QString& what, const QString& output);
    QTemporaryDir dir_;
};

QStringList TestCliLoading::basics(const QString& output) const {
    return standinCliArguments(file("content.png"), file("style.png"), output);
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

// What LD_DEBUG=files says about one file: "file=NAME [0];  needed by
// PARENT [0]", "... dynamically loaded by PROGRAM [0]", "...  generating
// link map" (the file is mapped) or "...  destroying link map" (its load
// failed and was undone).
struct FileEvent {
    enum Kind { Needed, Opened, Mapped, Unmapped } kind;
    QByteArray name;
    QByteArray by;
};

QList<FileEvent> fileEvents(const QList<QByteArray>& log) {
    QList<FileEvent> events;
    for (const QByteArray& line : log) {
        const int at = line.indexOf("file=");
        if (at < 0 || line.contains("opening file=") || line.contains("relocation dependency")) {
            continue;
        }
        const QByteArray name = line.mid(at + 5, line.indexOf(' ', at) - at - 5);
        const auto after = [&line](const char* marker) {
            const int from = line.indexOf(marker) + static_cast<int>(qstrlen(marker));
            return line.mid(from, line.lastIndexOf(" [") - from);
        };
        if (line.contains("needed by ")) {
            events.append({FileEvent::Needed, name, after("needed by ")});
        } else if (line.contains("dynamically loaded by ")) {
            events.append({FileEvent::Opened, name, after("dynamically loaded by ")});
        } else if (line.contains("generating link map")) {
            events.append({FileEvent::Mapped, name, {}});
        } else if (line.contains("destroying link map")) {
            events.append({FileEvent::Unmapped, name, {}});
        }
    }
    return events;
}

QSet<QByteArray> listedLibraries(const QString& module) {
    QFile list(
        QString::fromStdString(depthstyle::cli::libraryListPath(module.toStdString()).string()));
    QSet<QByteArray> listed;
    if (list.open(QIODevice::ReadOnly)) {
        for (const QByteArray& name : list.readAll().split('\n')) {
            if (!name.isEmpty()) {
                listed.insert(name);
            }
        }
    }
    return listed;
}

QString builtModule() {
    return QFileInfo(cliExecutable()).dir().filePath(QStringLiteral("depthstyle-cli-work.so"));
}

// The module's libraries are loaded one by one from the list built beside
// it (app/cli/library_order.sh), dependencies first: each is opened by the
// program with its dependencies already there, and by the time the module
// loads, only the libraries that need its definitions are left.
void TestCliLoading::librariesLoadBeforeTheModule() {
    const QSet<QByteArray> listed = listedLibraries(builtModule());
    QVERIFY2(listed.size() > 50, qPrintable(QString::number(listed.size())));
    for (const QByteArray& name : listed) {
        QVERIFY2(!name.startsWith("libtorch_cpu.so"), name.constData());
    }

    const QList<FileEvent> events =
        fileEvents(linkerLog(cliExecutable(), "files", file("files.png")));
    const auto moduleAt = std::find_if(events.begin(), events.end(), [](const FileEvent& e) {
        return e.kind == FileEvent::Opened && e.name.endsWith("/depthstyle-cli-work.so");
    });
    QVERIFY(moduleAt != events.end());
    const auto firstListed = std::find_if(events.begin(), moduleAt, [&](const FileEvent& e) {
        return e.kind == FileEvent::Opened && listed.contains(e.name);
    });
    QVERIFY(firstListed != moduleAt);
    QSet<QByteArray> mappedBefore;
    // Libraries that cannot load alone: a few of Debian's use symbols of a
    // library they do not declare, and load with the library that needs them.
    QSet<QByteArray> failedAlone;
    for (auto e = events.begin(); e != moduleAt; ++e) {
        if (e->kind == FileEvent::Mapped) {
            mappedBefore.insert(e->name);
        } else if (e->kind == FileEvent::Unmapped) {
            failedAlone.insert(e->name.mid(e->name.lastIndexOf('/') + 1));
        }
        // Dependencies first: no listed library pulls in one not yet loaded.
        if (e >= firstListed && e->kind == FileEvent::Needed) {
            QVERIFY2(failedAlone.contains(e->name), (e->name + " needed by " + e->by).constData());
        }
    }
    // Most load alone (two of Debian 12's ~290 do not).
    QVERIFY2(failedAlone.size() < listed.size() / 20,
             qPrintable(QStringList(failedAlone.begin(), failedAlone.end()).join(' ')));
    // Every listed library is there before the module: mapped by the list,
    // or at the program's start.
    for (const QByteArray& name : listed) {
        QVERIFY2(mappedBefore.contains(name), name.constData());
    }
    QList<QByteArray> neededByTheModule;
    for (auto e = moduleAt + 1; e != events.end(); ++e) {
        if (e->kind == FileEvent::Needed) {
            QVERIFY2(!listed.contains(e->name), e->name.constData());
            neededByTheModule += e->name;
        }
    }
    // LibTorch's own two libraries, not a share of the list.
    QVERIFY2(neededByTheModule.size() < listed.size() / 20,
             neededByTheModule.join(' ').constData());
    QVERIFY(QFileInfo::exists(file("files.png")));
}

// A list with names that do not load, paths, comments, blank lines, or no
// list at all: the run goes on (the module loads what it needs), no path or
// comment is opened, and the usable names after the odd ones are still
// loaded first.
void TestCliLoading::unusableListEntriesAreSkipped() {
    QTemporaryDir folder;
    const QString program = folder.filePath(QStringLiteral("depthstyle-cli"));
    const QString module = folder.filePath(QStringLiteral("depthstyle-cli-work.so"));
    QVERIFY(QFile::copy(cliExecutable(), program));
    QVERIFY(QFile::copy(builtModule(), module));
    const QString garbage = folder.filePath(QStringLiteral("garbage.so"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("not a library");
    g.close();

    const ProcessResult alone = runProcess(program, basics(file("no-list.png")));
    QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
    QVERIFY(QFileInfo::exists(file("no-list.png")));

    // A library of the real list that the program itself does not load.
    const QList<QByteArray> real = listedLibraries(builtModule()).values();
    const auto usable = std::find_if(real.begin(), real.end(), [](const QByteArray& name) {
        return name.startsWith("libopencv_imgcodecs");
    });
    QVERIFY(usable != real.end());
    QFile list(
        QString::fromStdString(depthstyle::cli::libraryListPath(module.toStdString()).string()));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("# libdepthstyle-comment.so.1\nlibdepthstyle-no-such-library.so.7\n\n" +
               garbage.toUtf8() + "\n../garbage.so\n" + *usable + "\n");
    list.close();
    bool garbageOpened = false;
    bool usableOpened = false;  // by name, before the module
    bool moduleOpened = false;
    for (const FileEvent& e : fileEvents(linkerLog(program, "files", file("odd-list.png")))) {
        garbageOpened = garbageOpened || e.name.contains("garbage.so") ||
                        e.name.contains("libdepthstyle-comment");
        // The opener is the program, or the sanitizer runtime that wraps dlopen.
        usableOpened =
            usableOpened || (!moduleOpened && e.kind == FileEvent::Opened && e.name == *usable);
        moduleOpened = moduleOpened ||
                       (e.kind == FileEvent::Opened && e.name.endsWith("/depthstyle-cli-work.so"));
    }
    QVERIFY(!garbageOpened);
    QVERIFY(moduleOpened);
    QVERIFY(usableOpened);
    QVERIFY(QFileInfo::exists(file("odd-list.png")));
}

// OpenBLAS starts no spinning worker in the CLI: after the writing of a
// one-thread run the process has one thread fewer than when the user asks
// OpenBLAS for two (their setting is kept). Read long after the heap
// warm-up's thread ended.
void TestCliLoading::blasStaysOnTheCallingThread() {
    const auto threadsAfterWriting = [this](const QString& blasThreads) {
        // OpenBLAS would follow OMP_NUM_THREADS; --threads 1 keeps OpenMP
        // from starting workers of its own.
        QStringList environment{QStringLiteral("DEPTHSTYLE_TRACE=1"),
                                QStringLiteral("OMP_NUM_THREADS=2")};
        if (!blasThreads.isEmpty()) {
            environment += QStringLiteral("OPENBLAS_NUM_THREADS=") + blasThreads;
        }
        QStringList arguments = basics(file("blas.png"));
        arguments.last() = QStringLiteral("1");  // --threads 1
        const ProcessResult run = runProcess(cliExecutable(), arguments, 120000, environment);
        [&] { QVERIFY2(run.exitCode == 0, qPrintable(run.err)); }();
        // depthstyle-trace,<part>,e,<ns>,<faults>,<cpu>,<anonymous KiB>,<threads>
        const QString end = QStringLiteral("depthstyle-trace,image encoding and writing,e,");
        for (const QString& line : run.out.split('\n')) {
            if (line.startsWith(end)) {
                return line.section(',', 7, 7).toInt();
            }
        }
        return -1;
    };
    const int withTwo = threadsAfterWriting(QStringLiteral("2"));
    const int serial = threadsAfterWriting({});
    QVERIFY(serial > 0);
    if (withTwo == serial) {
        QSKIP(
            "this machine's BLAS starts no worker thread (not OpenBLAS's pthread build, or "
            "one core)");
    }
    QCOMPARE(serial, withTwo - 1);
}

// The heap warmed while LibTorch loads counts MiDaS (its file's size and
// 32 MiB for its activations) when the run estimates depth, and not when a
// depth file is given or plain AdaIN needs none.
void TestCliLoading::warmupCountsTheDepthNetwork() {
    QTemporaryDir models;
    QFile depth(models.filePath(QString::fromLatin1(depthstyle::kDepthFileName)));
    QVERIFY(depth.open(QIODevice::WriteOnly));
    QVERIFY(depth.resize(5 << 20));
    depth.close();
    depthstyle::cli::CliOptions options;
    options.models = models.path();
    options.content = file("content.png");
    options.style = file("style.png");
    const std::uint64_t estimated = depthstyle::cli::warmupBytes(options);
    options.parameters.depthFromFile = true;
    options.parameters.depthPath = file("depth.png");
    const std::uint64_t fromFile = depthstyle::cli::warmupBytes(options);
    QCOMPARE(estimated - fromFile, std::uint64_t{(5 + 32) << 20});
    options.parameters.depthFromFile = false;
    options.parameters.method = depthstyle::Method::Adain;
    QCOMPARE(depthstyle::cli::warmupBytes(options), fromFile);
    // No depth model installed: nothing to count.
    options.parameters.method = depthstyle::Method::DaAdain;
    QVERIFY(depth.remove());
    QCOMPARE(depthstyle::cli::warmupBytes(options), fromFile);
}

// The kernels module beside the program is called only when it is this
// build's: one without a build function (from before it had one) or of
// another build is left alone, and the run makes its kernels itself. The
// planned kernels are made only where the stripe size is known, as here
// (DEPTHSTYLE_STRIPE_TUNING=0): the module of this build shows it.
void TestCliLoading::onlyThisBuildsKernelsModuleIsCalled() {
    const QDir built = QFileInfo(cliExecutable()).dir();
    for (const int build : {0, 1, 2}) {
        QTemporaryDir beside;
        QVERIFY(beside.isValid());
        for (const char* name :
             {"depthstyle-cli", "depthstyle-cli-work.so", "depthstyle-cli-work.libraries"}) {
            QVERIFY2(QFile::copy(built.filePath(name), beside.filePath(name)), name);
        }
        const QString module = QDir(QStringLiteral(FOREIGN_KERNELS_DIR))
                                   .filePath(QString("tst_foreign_kernels_%1.so").arg(build));
        QVERIFY(QFile::copy(module, beside.filePath(QStringLiteral("depthstyle-cli-kernels.so"))));
        const QString called = beside.filePath(QStringLiteral("called"));
        const QString output = beside.filePath(QStringLiteral("out.png"));
        const ProcessResult run =
            runProcess(beside.filePath(QStringLiteral("depthstyle-cli")), basics(output), 120000,
                       {QStringLiteral("DEPTHSTYLE_TEST_KERNELS_CALLED=") + called});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(output));
        QVERIFY2(QFileInfo::exists(called) == (build == 2), qPrintable(QString::number(build)));
    }
}

QTEST_GUILESS_MAIN(TestCliLoading)
#include "tst_cli_loading.moc"
