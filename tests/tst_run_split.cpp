// The whole-run split of depthstyle-bench: the CLI's trace lines
// (DEPTHSTYLE_TRACE=1) and oneDNN's verbose lines read into parts; and its
// whole runs in turns (two settings, two programs).
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

#include "run_split.h"
#include "setting_ab.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::bench;

namespace {

// A trace line: part, b|e, nanoseconds, faults, CPU microseconds, anon KiB.
QString line(const char* part, char edge, long long ns, long faults, long long cpu, long anon) {
    return QStringLiteral("depthstyle-trace,%1,%2,%3,%4,%5,%6\n")
        .arg(part)
        .arg(edge)
        .arg(ns)
        .arg(faults)
        .arg(cpu)
        .arg(anon);
}

QString convolution(const char* verb, double ms) {
    return QStringLiteral(
               "onednn_verbose,%1,cpu,convolution,brgconv:avx512_core,forward_training,"
               "src_f32::blocked:acdb:f0,attr-scratchpad:user ,alg:convolution_direct,"
               "mb1_ic64oc64_ih10oh8kh3sh1dh0ph0_iw10ow8kw3sw1dw0pw0,%2\n")
        .arg(verb)
        .arg(ms);
}

}  // namespace

class TestRunSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsPartsNestingAndConvolutions() {
        const long long ms = 1000000;
        QString text;
        text += line("main", 'b', 100 * ms, 10, 0, 1024);
        text += line("model loading", 'b', 110 * ms, 10, 0, 1024);
        text += line("model loading", 'e', 150 * ms, 30, 60000, 3072);
        text += QStringLiteral("onednn_verbose,exec,cpu,reorder,jit:uni,undef,x,,3x3,4.5\n");
        text += line("decoding", 'b', 150 * ms, 30, 60000, 3072);
        text += convolution("create:cache_miss", 2.0);
        text += convolution("exec", 300.0);
        text += line("blend", 'b', 200 * ms, 30, 60000, 3072);
        text += convolution("exec", 5.0);
        text += line("blend", 'e', 210 * ms, 32, 70000, 4096);
        text += line("blend", 'b', 300 * ms, 32, 70000, 4096);
        text += line("blend", 'e', 305 * ms, 32, 75000, 4096);
        text += convolution("exec", 100.0);
        text += line("decoding", 'e', 600 * ms, 40, 900000, 5120);
        text += line("image decoding", 'e', 610 * ms, 40, 900000, 5120);  // no beginning
        text += line("image encoding and writing", 'b', 610 * ms, 40, 900000, 5120);
        text += line("image encoding and writing", 'e', 630 * ms, 41, 920000, 5120);
        text += line("image encoding and writing", 'b', 640 * ms, 41, 920000, 5120);
        text += line("image encoding and writing", 'e', 650 * ms, 41, 930000, 5120);
        text += convolution("exec", 1.0);  // outside every part: counted for the run
        text += line("main", 'e', 700 * ms, 50, 990000, 5120);
        const RunSplit split = splitTrace(text.toStdString(), 0, 800 * ms);
        QVERIFY(split.ok);
        QCOMPARE(split.whole, 0.8);
        QCOMPARE(split.processStart, 0.1);
        QCOMPARE(split.exit, 0.1);
        QCOMPARE(split.order, (std::vector<std::string>{"model loading", "decoding",
                                                        "image encoding and writing"}));
        QVERIFY(split.parts.count("image decoding") == 0);
        const PartCost& loading = split.parts.at("model loading");
        QCOMPARE(loading.seconds, 0.04);
        QCOMPARE(loading.pageFaults, 20.0);
        QCOMPARE(loading.cpuSeconds, 0.06);
        QCOMPARE(loading.anonymousMb, 2.0);
        const PartCost& blend = split.parts.at("blend");
        QCOMPARE(split.parentOf.at("blend"), std::string("decoding"));
        QCOMPARE(blend.seconds, 0.015);
        QCOMPARE(blend.convCalls, 1.0);
        QCOMPARE(blend.convSeconds, 0.005);
        const PartCost& decoding = split.parts.at("decoding");
        QCOMPARE(decoding.seconds, 0.45);
        QCOMPARE(decoding.convCalls, 3.0);  // its own two and the blend's one
        QCOMPARE(decoding.convSeconds, 0.405);
        QCOMPARE(decoding.primitiveSeconds, 0.002);
        QCOMPARE(split.parts.at("image encoding and writing").seconds, 0.03);
        QCOMPARE(split.convolutions.convCalls, 4.0);
        QCOMPARE(split.convolutions.convSeconds, 0.406);
        // 0.8 s less start 0.1, exit 0.1, loading 0.04, decoding 0.45 and
        // writing 0.03
        QCOMPARE(split.rest + 1.0, 0.08 + 1.0);
        QCOMPARE(split.wholeOverConvolutions, 0.8 / 0.406);
    }

    void withoutMainTheRunIsNotSplit() {
        const RunSplit split = splitTrace(line("decoding", 'b', 1, 0, 0, 0).toStdString(), 0, 10);
        QVERIFY(!split.ok);
    }

    void mediansPerFigure() {
        std::vector<RunSplit> runs(3);
        const double wholes[] = {3.0, 1.0, 2.0};
        for (int i = 0; i < 3; ++i) {
            runs[size_t(i)].whole = wholes[i];
            runs[size_t(i)].order = {"decoding"};
            runs[size_t(i)].parts["decoding"].seconds = wholes[i] / 2;
        }
        runs[2].parts.erase("decoding");  // a run without the part counts 0
        const RunSplit m = medianSplit(runs);
        QCOMPARE(m.whole, 2.0);
        QCOMPARE(m.parts.at("decoding").seconds, 0.5);
    }

    // The real CLI marks its parts, and oneDNN's lines land inside them.
    void splitsARealRun() {
        QTemporaryDir dir;
        const QString content = dir.filePath("content.png");
        const QString style = dir.filePath("style.png");
        cv::imwrite(content.toStdString(), test::makeContentPicture(96, 64));
        cv::imwrite(style.toStdString(), test::makeStylePicture(64, 64));
        const std::vector<std::string> command{test::cliExecutable().toStdString(),
                                               "--models",
                                               test::standinModelDir().toStdString(),
                                               "--content",
                                               content.toStdString(),
                                               "--style",
                                               style.toStdString(),
                                               "--output",
                                               dir.filePath("out.png").toStdString()};
        const RunSplit split = traceRun(command);
        QVERIFY(split.ok);
        QVERIFY(QFileInfo::exists(dir.filePath("out.png")));
        for (const char* part :
             {"arguments", "model loading", "image decoding", "content encoding", "depth",
              "style encoding", "AdaIN", "decoding", "image encoding and writing"}) {
            QVERIFY2(split.parts.count(part) == 1, part);
        }
        QCOMPARE(split.order.front(), std::string("arguments"));
        QCOMPARE(split.order.back(), std::string("image encoding and writing"));
        QCOMPARE(split.parentOf.at("blend"), std::string("decoding"));
        double parts = split.processStart + split.exit;
        for (const std::string& name : split.order) {
            parts += split.parts.at(name).seconds;
        }
        QVERIFY(parts <= split.whole);
        QVERIFY(split.processStart > 0.0);
        // Debian's LibTorch runs the convolutions on oneDNN and reports them.
        QVERIFY(split.parts.at("content encoding").convCalls > 0);
        QVERIFY(split.parts.at("decoding").convCalls > 0);
        QVERIFY(split.convolutions.convSeconds > 0.0);
        QVERIFY(split.convolutions.convSeconds < split.whole);
    }

    // A one-time measurement's probe (the stripe size) is a part of its own;
    // its networks' stages are not taken for the run's.
    void measurementIsOnePart() {
        QTemporaryDir dir;
        const QString content = dir.filePath("content.png");
        const QString style = dir.filePath("style.png");
        cv::imwrite(content.toStdString(), test::makeContentPicture(96, 64));
        cv::imwrite(style.toStdString(), test::makeStylePicture(64, 64));
        const QByteArray previous = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", dir.filePath("cache").toLocal8Bit());
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "1");
        const RunSplit split = traceRun({test::cliExecutable().toStdString(), "--models",
                                         test::standinModelDir().toStdString(), "--content",
                                         content.toStdString(), "--style", style.toStdString(),
                                         "--output", dir.filePath("out.png").toStdString()});
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
        qputenv("XDG_CACHE_HOME", previous);
        QVERIFY(split.ok);
        QVERIFY(split.parts.count("stripe size") == 1);
        QCOMPARE(split.parentOf.at("content encoding"), std::string());
        QCOMPARE(split.parentOf.at("decoding"), std::string());
        // The probe's convolutions are counted in its part.
        QVERIFY(split.parts.at("stripe size").convCalls > 0);
    }

    void silentWithoutTheVariable() {
        const test::ProcessResult r = test::runProcess(test::cliExecutable(), {"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QStringLiteral("depthstyle-trace")));
        const test::ProcessResult traced = test::runProcess(
            test::cliExecutable(), {"--version"}, 120000, {QStringLiteral("DEPTHSTYLE_TRACE=1")});
        QCOMPARE(traced.exitCode, 0);
        QVERIFY(traced.out.contains(QStringLiteral("depthstyle-trace,main,b,")));
        QVERIFY(traced.out.contains(QStringLiteral("depthstyle-trace,main,e,")));
    }

    // Runs in turns: each side runs with its own command and its own value
    // of the variable (a side that sees the other's value fails, and the
    // comparison stops there), and the variable is gone afterwards.
    void runsInTurnsWithTheirOwnSettings() {
        const auto expects = [](const char* value) {
            return std::vector<std::string>{"/bin/sh", "-c",
                                            std::string("test \"$DEPTHSTYLE_TEST_AB\" = ") + value};
        };
        const RunComparison both =
            compareRuns({"A", expects("one"), "DEPTHSTYLE_TEST_AB", "one"},
                        {"B", expects("two"), "DEPTHSTYLE_TEST_AB", "two"}, 3);
        QVERIFY(both.ok);
        QCOMPARE(both.firstSeconds.size(), size_t{3});
        QCOMPARE(both.secondSeconds.size(), size_t{3});
        QCOMPARE(both.secondLabel, std::string("B"));
        QVERIFY(std::getenv("DEPTHSTYLE_TEST_AB") == nullptr);
        // Every other pair starts with the second side.
        QTemporaryDir dir;
        const std::string log = dir.filePath(QStringLiteral("order")).toStdString();
        const auto note = [&log](const char* side) {
            return std::vector<std::string>{"/bin/sh", "-c",
                                            std::string("echo ") + side + " >> '" + log + "'"};
        };
        QVERIFY(compareRuns({"A", note("A"), "", ""}, {"B", note("B"), "", ""}, 3).ok);
        QFile order(QString::fromStdString(log));
        QVERIFY(order.open(QIODevice::ReadOnly));
        QCOMPARE(order.readAll(), QByteArray("A\nB\nB\nA\nA\nB\n"));
        // Two programs, no variable: the second is another program.
        const RunComparison programs =
            compareRuns({"A", {"/bin/true"}, "", ""}, {"B", {"/bin/false"}, "", ""}, 3);
        QVERIFY(!programs.ok);
        QCOMPARE(programs.firstSeconds.size(), size_t{1});
        // One setting, two values, the second not the one its side expects.
        const RunComparison crossed =
            compareSetting(expects("one"), "DEPTHSTYLE_TEST_AB", "one", "two", 2, "one", "two");
        QVERIFY(!crossed.ok);
        QVERIFY(std::getenv("DEPTHSTYLE_TEST_AB") == nullptr);
    }

    // A program to compare against that cannot run is named before any
    // run, and --pairs alone is refused.
    void badComparisonIsRefused() {
        const QStringList base{"--models",   "/nonexistent-models",
                               "--cli",      test::cliExecutable(),
                               "--settings", "small"};
        const auto bench = [&base](const QStringList& more) {
            return test::runProcess(QStringLiteral(BENCH_EXECUTABLE), base + more);
        };
        const test::ProcessResult missing =
            bench({"--against", "/nonexistent-cli", "--pairs", "2"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("'/nonexistent-cli': not an executable file")),
                 qPrintable(missing.err));
        QVERIFY(!missing.out.contains(QStringLiteral("pair 1")));
        const test::ProcessResult alone = bench({"--pairs", "2"});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains(QStringLiteral("--pairs is for --against")),
                 qPrintable(alone.err));
        const test::ProcessResult noPairs = bench({"--against", test::cliExecutable()});
        QCOMPARE(noPairs.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRunSplit)
#include "tst_run_split.moc"
