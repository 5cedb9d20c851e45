// depthstyle-cli end to end on stand-in models: outputs, maps, sweeps,
// options and every error's exit code and message.
#include <sys/stat.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/decoder_speed.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "depthstyle/stripe_tuning.h"
#include "parameters.h"
#include "synthetic_images.h"
#include "test_env.h"
#include "user_presets.h"

using namespace depthstyle;
using namespace depthstyle::test;

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpDocumentsEveryOption();
    void usageErrors_data();
    void usageErrors();
    void stripeSizeIsMeasuredOnce();
    void kernelsAreMadeWhileLibTorchLoads();
    void runWritesResultAndMaps();
    void strengthMapHoldsExactValues();
    void sweepEqualsSingleRuns();
    void alphaIsReattached();
    void bf16DecoderMatchesEngine();
    void bf16IsAdvisedAgainstWhereItIsSlower();
    void depthFileAndModelsFromEnvironment();
    void runtimeErrors_data();
    void runtimeErrors();
    void closeSweepValuesGetTheirOwnFiles();
    void errorOnATerminalStartsItsOwnLine();
    void namesThatAreNotUtf8();
    void tooLittleMemoryIsOneLineBeforeWork();
    void strengthOverrideKeepsTheContent();
    void artistControlsMatchTheEngine();
    void preservedColoursMatchTheEngine();
    void severalStylesInTheCli();
    void userPresetFromTheApp();
    void sidecarLayersAreRelativeToIt();
    void signalWhileWritingLeavesNoTemporaryFile_data();
    void signalWhileWritingLeavesNoTemporaryFile();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    ProcessResult cli(const QStringList& arguments, const QStringList& environment = {}) const;
    QStringList basics(const QString& output) const;
    QTemporaryDir dir_;
};

ProcessResult TestCli::cli(const QStringList& arguments, const QStringList& environment) const {
    return runProcess(cliExecutable(), arguments, 120000, environment);
}

QStringList TestCli::basics(const QString& output) const {
    return standinCliArguments(file("content.png"), file("style.png"), output);
}

void TestCli::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(75, 50)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(60, 60)));
    QFile notes(file("notes.jpg"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a picture");
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", makeContentPicture(64, 48), jpeg);
    QFile cut(file("cut.jpg"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(reinterpret_cast<const char*>(jpeg.data()), qint64(jpeg.size() / 2));

    // Hostile inputs: small files declaring gigapixels, a FIFO, a folder.
    const auto writeBytes = [&](const QString& name, const QByteArray& bytes) {
        QFile f(file(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QByteArray bomb("\xFF\xD8", 2);
    bomb += QByteArray("\xFF\xC0\x00\x11\x08", 5);  // SOF0, length 17, 8 bits
    bomb += QByteArray("\x42\x68\xEA\x60", 4);      // height 17000, width 60000
    bomb += QByteArray("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    bomb += QByteArray("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
    bomb += QByteArray(400, '\x55') + QByteArray("\xFF\xD9", 2);
    QVERIFY(writeBytes("bomb.jpg", bomb));
    QByteArray png("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16);
    png += QByteArray("\x00\x00\x4e\x20\x00\x00\x4e\x20\x08\x02\x00\x00\x00", 13);  // 20000x20000
    png += QByteArray(64, '\0');
    QVERIFY(writeBytes("bomb.png", png));
    QVERIFY(::mkfifo(file("fifo.png").toLocal8Bit().constData(), 0600) == 0);
    QVERIFY(QDir().mkpath(file("a-folder.png")));
    QVERIFY(writePicture(file("wide.png").toStdString(), makeContentPicture(400, 20)));
    QVERIFY(QFile::link(file("target.png"), file("link.png")));
}

void TestCli::helpDocumentsEveryOption() {
    const ProcessResult run = cli({"--help"});
    QCOMPARE(run.exitCode, 0);
    for (const char* option : {"--content",
                               "--style",
                               "--output",
                               "--models",
                               "--method",
                               "--beta",
                               "--epsilon",
                               "--alpha",
                               "--content-size",
                               "--style-size",
                               "--depth",
                               "--depth-is-distance",
                               "--save-depth",
                               "--save-strength",
                               "--sweep-beta",
                               "--sweep-epsilon",
                               "--threads",
                               "--decoder-precision",
                               "--params",
                               "--preset",
                               "--depth-levels",
                               "--depth-invert",
                               "--depth-edit",
                               "--focus",
                               "--strength-override",
                               "--preserve-color",
                               "--output-dir",
                               "--name",
                               "--content-list",
                               "--style-list",
                               "--skip-existing"}) {
        QVERIFY2(run.out.contains(option), option);
    }
}

void TestCli::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList ok{"--content", "c.png", "--style", "s.png", "--output", "o.png"};
    QTest::addRow("unknown option") << (ok + QStringList{"--gamma", "1"}) << "Unknown option";
    QTest::addRow("no content") << QStringList{"--style", "s.png", "--output", "o.png"}
                                << "--content is required";
    QTest::addRow("beta not a number")
        << (ok + QStringList{"--beta", "abc"}) << "--beta: 'abc' is not a finite number";
    QTest::addRow("beta nan") << (ok + QStringList{"--beta", "nan"})
                              << "--beta: 'nan' is not a finite number";
    QTest::addRow("epsilon infinite")
        << (ok + QStringList{"--epsilon", "inf"}) << "--epsilon: 'inf' is not a finite number";
    QTest::addRow("beta list") << (ok + QStringList{"--beta", "1,2"}) << "--beta: '1,2' is a list";
    QTest::addRow("sweep with nan") << (ok + QStringList{"--sweep-beta", "1,nan"})
                                    << "--sweep-beta: 'nan' is not a finite number";
    QTest::addRow("threads zero") << (ok + QStringList{"--threads", "0"})
                                  << "--threads: '0' is not a number of threads from 1 to 256";
    QTest::addRow("threads huge") << (ok + QStringList{"--threads", "2147483647"})
                                  << "--threads: '2147483647' is not a number of threads";
    QTest::addRow("threads million") << (ok + QStringList{"--threads", "1000000"})
                                     << "--threads: '1000000' is not a number of threads";
    QTest::addRow("negative beta") << (ok + QStringList{"--beta=-1"}) << "outside";
    QTest::addRow("epsilon above 1") << (ok + QStringList{"--epsilon", "1.5"}) << "outside";
    QTest::addRow("bad method") << (ok + QStringList{"--method", "gatys"})
                                << "not da-adain or adain";
    QTest::addRow("bad size") << (ok + QStringList{"--content-size", "-5"})
                              << "not a size in pixels";
    QTest::addRow("bad sweep") << (ok + QStringList{"--sweep-beta", "1,x"})
                               << "--sweep-beta: 'x' is not a finite number";
    QTest::addRow("bad precision") << (ok + QStringList{"--decoder-precision", "fp16"})
                                   << "--decoder-precision: 'fp16' is not fp32 or bf16";
    QTest::addRow("missing params file")
        << QStringList{"--params", "nowhere.json", "--output", "o.png"}
        << "--params: 'nowhere.json': cannot be opened";
    QTest::addRow("bad preset") << (ok + QStringList{"--preset", "loud"})
                                << "--preset: 'loud' is not one of paper, subtle, strong, adain";
    QTest::addRow("stray argument") << (ok + QStringList{"extra.png"}) << "unexpected argument";
    QTest::addRow("depth map is the output")
        << (ok + QStringList{"--save-depth", "./o.png"})
        << "--save-depth: './o.png' is the same file as --output 'o.png'";
    QTest::addRow("output through a symlink")
        << QStringList{"--content", "c.png",          "--style",         "s.png",
                       "--output",  file("link.png"), "--save-strength", file("target.png")}
        << "is the same file as --output";
    QTest::addRow("levels black above white")
        << (ok + QStringList{"--depth-levels", "0.6,0.2,1"})
        << "--depth-levels: the depth levels need 0 <= black < white <= 1";
    QTest::addRow("levels not three") << (ok + QStringList{"--depth-levels", "0,1"})
                                      << "--depth-levels: '0,1' is not three numbers";
    QTest::addRow("levels gamma zero")
        << (ok + QStringList{"--depth-levels", "0,1,0"}) << "gamma must be between 0.1 and 10";
    QTest::addRow("weights for the wrong count")
        << (ok + QStringList{"--style", "t.png", "--style-weights", "1,2,3"})
        << "--style-weights: 3 weights for 2 styles";
    QTest::addRow("weights adding up to 0")
        << (ok + QStringList{"--style", "t.png", "--style-weights", "0,0"})
        << "--style-weights: the style weights add up to 0";
    QTest::addRow("near without far")
        << QStringList{"--content", "c.png", "--style-near", "n.png", "--output", "o.png"}
        << "--style-near and --style-far go together";
    QTest::addRow("near and far with --style")
        << (ok + QStringList{"--style-near", "n.png", "--style-far", "f.png"})
        << "replace --style and --style-weights";
    QTest::addRow("bad colour mode")
        << (ok + QStringList{"--preserve-color", "chroma"})
        << "--preserve-color: 'chroma' is not none, style-to-content or luminance";
    QTest::addRow("focus not a point")
        << (ok + QStringList{"--focus", "12"}) << "--focus: '12' is not a point X,Y in pixels";
    QTest::addRow("controls with plain AdaIN")
        << (ok + QStringList{"--method", "adain", "--focus", "1,2"}) << "need --method da-adain";
    // A style folder is a batch of styles (tst_batch): refused without
    // --output-dir, and named when it holds no picture.
    QStringList styleFolder = ok;
    styleFolder[styleFolder.indexOf("--style") + 1] = file("a-folder.png");
    QTest::addRow("style is an empty folder")
        << styleFolder << "a-folder.png': the folder holds no image";
    styleFolder[styleFolder.indexOf("--style") + 1] = dir_.path();
    QTest::addRow("style folder without --output-dir") << styleFolder << "need --output-dir";
    QTest::addRow("sweep value twice")
        << (ok + QStringList{"--sweep-beta", "5,5.0"}) << "--sweep-beta: 5 is given twice";
    QTest::addRow("sweep value twice, spelt apart")
        << (ok + QStringList{"--sweep-beta", "1e5,100000"}) << "is given twice";
}

void TestCli::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ProcessResult run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count('\n'), 0);  // one line
}

// The first run on a machine measures the stripe size and remembers it;
// later runs only read it.
void TestCli::stripeSizeIsMeasuredOnce() {
    const QString cache = file("cache-stripes");
    const QStringList tuned{QStringLiteral("DEPTHSTYLE_STRIPE_TUNING=1"),
                            QStringLiteral("XDG_CACHE_HOME=") + cache};
    const ProcessResult first = cli(basics(file("tuned-1.png")), tuned);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.err.contains(QStringLiteral("measuring this processor once")),
             qPrintable(first.err));
    QVERIFY(QFileInfo::exists(cache + "/depthstyle/stripe-budget"));
    QVERIFY(rememberedStripeBudget((cache + "/depthstyle/stripe-budget").toStdString(),
                                   processorName(), 2));
    const ProcessResult second = cli(basics(file("tuned-2.png")), tuned);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY(!second.err.contains(QStringLiteral("measuring")));
    // Two runs starting together on a fresh machine measure once: the other
    // waits for the cache's lock and reads the result.
    const QString together = file("cache-together");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DEPTHSTYLE_STRIPE_TUNING", "1");
    environment.insert("XDG_CACHE_HOME", together);
    QProcess a;
    QProcess b;
    for (QProcess* p : {&a, &b}) {
        p->setProcessEnvironment(environment);
        p->start(cliExecutable(), basics(file(p == &a ? "together-a.png" : "together-b.png")));
    }
    for (QProcess* p : {&a, &b}) {
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
    }
    const int measuring = int(a.readAllStandardError().contains("measuring this processor once")) +
                          int(b.readAllStandardError().contains("measuring this processor once"));
    QCOMPARE(measuring, 1);
    // Switched off, nothing is measured or written.
    const QString off = file("cache-off");
    const ProcessResult untuned = cli(
        basics(file("tuned-3.png")),
        {QStringLiteral("DEPTHSTYLE_STRIPE_TUNING=0"), QStringLiteral("XDG_CACHE_HOME=") + off});
    QVERIFY2(untuned.exitCode == 0, qPrintable(untuned.err));
    QVERIFY(!untuned.err.contains(QStringLiteral("measuring")));
    QVERIFY(!QFileInfo::exists(off + "/depthstyle/stripe-budget"));
}

namespace {

// oneDNN's lines (DNNL_VERBOSE=2) creating a convolution or a reorder with
// `outcome` ("cache_miss": made there; "cache_hit": found made) among
// `lines`.
int creations(const QStringList& lines, const QString& outcome) {
    int count = 0;
    for (const QString& line : lines) {
        if (line.contains("create:" + outcome) &&
            (line.contains(",convolution,") || line.contains(",reorder,"))) {
            ++count;
        }
    }
    return count;
}

// A traced run's output lines before a part begins, and inside it.
struct AroundPart {
    QStringList before;
    QStringList inside;
};
AroundPart aroundPart(const QString& output, const QString& part) {
    AroundPart around;
    const QStringList lines = output.split('\n');
    const auto begin = std::find_if(lines.begin(), lines.end(), [&](const QString& l) {
        return l.startsWith("depthstyle-trace," + part + ",b,");
    });
    const auto end = std::find_if(begin, lines.end(), [&](const QString& l) {
        return l.startsWith("depthstyle-trace," + part + ",e,");
    });
    around.before = QStringList(lines.begin(), begin);
    if (begin != lines.end()) {
        around.inside = QStringList(begin + 1, end);
    }
    return around;
}

}  // namespace

void TestCli::kernelsAreMadeWhileLibTorchLoads() {
    // A camera's JPEG stored sideways (EXIF orientation 6): the kernels are
    // planned for the upright picture, 48x72 once scaled.
    const std::vector<unsigned char> jpeg = jpegWithOrientation(makeContentPicture(75, 50), 6);
    QFile sideways(file("sideways.jpg"));
    QVERIFY(sideways.open(QIODevice::WriteOnly));
    sideways.write(reinterpret_cast<const char*>(jpeg.data()), qint64(jpeg.size()));
    sideways.close();
    const auto arguments = [&](const QString& output) {
        return standinCliArguments(file("sideways.jpg"), file("style.png"), file(output));
    };
    const QStringList traced{QStringLiteral("DEPTHSTYLE_TRACE=1"),
                             QStringLiteral("DNNL_VERBOSE=2")};

    // Made ahead and waited for: the render's own kernel preparation finds
    // every convolution and weights reorder made.
    const ProcessResult ahead =
        cli(arguments("ahead.png"), traced + QStringList{"DEPTHSTYLE_KERNELS_AHEAD=wait"});
    QVERIFY2(ahead.exitCode == 0, qPrintable(ahead.err));
    const AroundPart withAhead = aroundPart(ahead.out, "kernel preparation");
    QVERIFY2(!withAhead.inside.isEmpty(), qPrintable(ahead.out.left(2000)));
    QVERIFY(creations(withAhead.before, "cache_miss") > 0);
    QCOMPARE(creations(withAhead.inside, "cache_miss"), 0);
    QVERIFY(creations(withAhead.inside, "cache_hit") > 0);

    // Switched off, the render makes them itself.
    const ProcessResult plain =
        cli(arguments("plain.png"), traced + QStringList{"DEPTHSTYLE_KERNELS_AHEAD=0"});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    const AroundPart without = aroundPart(plain.out, "kernel preparation");
    QCOMPARE(creations(without.before, "cache_miss"), 0);
    QVERIFY(creations(without.inside, "cache_miss") > 0);

    // The default (made beside the loading, stopped when it ends): the
    // render makes what was not made ahead, and nothing twice.
    const ProcessResult standard = cli(arguments("standard.png"), traced);
    QVERIFY2(standard.exitCode == 0, qPrintable(standard.err));
    const AroundPart beside = aroundPart(standard.out, "kernel preparation");
    QCOMPARE(creations(beside.before, "cache_miss") + creations(beside.inside, "cache_miss"),
             creations(without.inside, "cache_miss"));
    QFile a(file("ahead.png"));
    QFile b(file("plain.png"));
    QFile c(file("standard.png"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) &&
            c.open(QIODevice::ReadOnly));
    const QByteArray picture = a.readAll();
    QVERIFY(!picture.isEmpty());
    QVERIFY(picture == b.readAll());
    QVERIFY(picture == c.readAll());
    QCOMPARE(cv::imread(file("ahead.png").toStdString()).size(), cv::Size(48, 72));

    // A bfloat16 decoder and a second style of another size, weighted.
    QVERIFY(writePicture(file("style-ahead.png").toStdString(), makeStylePicture(50, 70)));
    const ProcessResult more =
        cli(arguments("more.png") + QStringList{"--decoder-precision", "bf16", "--style",
                                                file("style-ahead.png"), "--style-weights", "1,1"},
            traced + QStringList{"DEPTHSTYLE_KERNELS_AHEAD=wait"});
    QVERIFY2(more.exitCode == 0, qPrintable(more.err));
    const AroundPart withMore = aroundPart(more.out, "kernel preparation");
    QVERIFY(creations(withMore.before, "cache_miss") > creations(withAhead.before, "cache_miss"));
    QCOMPARE(creations(withMore.inside, "cache_miss"), 0);

    // Planned at the stripe size remembered for this machine (12 MiB here,
    // which cuts a 300-row picture's stripes other than the default's) and
    // for the threads asked for (one; the kernels' key holds the count).
    const QString cache = file("cache-ahead");
    QVERIFY(QDir().mkpath(cache + "/depthstyle"));
    rememberStripeBudget((cache + "/depthstyle/stripe-budget").toStdString(),
                         {processorName(), 1, {0.5, 1.0, 1.0}});
    QStringList larger = arguments("remembered.png");
    larger[larger.indexOf("--content-size") + 1] = QStringLiteral("300");
    larger[larger.indexOf("--threads") + 1] = QStringLiteral("1");
    const ProcessResult remembered =
        cli(larger, traced + QStringList{"DEPTHSTYLE_KERNELS_AHEAD=wait",
                                         "DEPTHSTYLE_STRIPE_TUNING=1", "XDG_CACHE_HOME=" + cache});
    QVERIFY2(remembered.exitCode == 0, qPrintable(remembered.err));
    QVERIFY(!remembered.err.contains(QStringLiteral("measuring")));
    const AroundPart atRemembered = aroundPart(remembered.out, "kernel preparation");
    QVERIFY(creations(atRemembered.before, "cache_miss") > 0);
    QCOMPARE(creations(atRemembered.inside, "cache_miss"), 0);
}

void TestCli::runWritesResultAndMaps() {
    const ProcessResult run =
        cli(basics(file("out.png")) + QStringList{"--save-depth", file("depth.png"),
                                                  "--save-strength", file("strength.tif")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const cv::Mat result = cv::imread(file("out.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(result.size(), cv::Size(72, 48));  // 75x50 scaled to a smaller side of 48
    // The same text chunks as the app's PNG results.
    QFile png(file("out.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray bytes = png.readAll();
    QVERIFY(bytes.contains("iTXt") && bytes.contains("Software") &&
            bytes.contains("\"method\":\"da-adain\"") && bytes.contains("\"contentSize\":48"));
    QCOMPARE(result.type(), CV_8UC3);
    const cv::Mat depth = cv::imread(file("depth.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(depth.type(), CV_16UC1);
    QCOMPARE(depth.size(), cv::Size(72, 48));
    const cv::Mat strength = cv::imread(file("strength.tif").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(strength.type(), CV_32FC1);
    QCOMPARE(strength.size(), cv::Size(72, 48));
    // Each 8x8 block holds one feature cell's value.
    QCOMPARE(strength.at<float>(8, 16), strength.at<float>(15, 23));
    double low = 0;
    double high = 0;
    cv::minMaxLoc(strength, &low, &high);
    QVERIFY(low >= 0.0 && high <= 0.85 + 1e-6 && high > low);
}

void TestCli::strengthMapHoldsExactValues() {
    const ProcessResult run =
        cli(basics(file("exact.png")) + QStringList{"--beta", "7", "--epsilon", "0.3",
                                                    "--save-strength", file("strength16.png")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    Session session(standinModelFiles());
    session.setContent(file("content.png").toStdString(), 48);
    const cv::Mat grid = session.strengthMap({StrengthSettings::daAdain(7.0, 0.3)});
    const cv::Mat written = cv::imread(file("strength16.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(written.type(), CV_16UC1);
    for (int y = 0; y < written.rows; ++y) {
        for (int x = 0; x < written.cols; ++x) {
            const double expected = grid.at<float>(y / 8, x / 8) * 65535.0;
            QVERIFY(std::abs(written.at<uint16_t>(y, x) - expected) <= 0.5 + 1e-3);
        }
    }
}

void TestCli::sweepEqualsSingleRuns() {
    const ProcessResult sweep =
        cli(basics(file("sweep.png")) +
            QStringList{"--sweep-beta", "0,20", "--sweep-epsilon", "0.15,0.5"});
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
    for (const char* beta : {"0", "20"}) {
        for (const char* epsilon : {"0.15", "0.5"}) {
            const QString name = QString("sweep_beta%1_eps%2.png").arg(beta, epsilon);
            QVERIFY2(QFile::exists(file(name)), qPrintable(name));
            const ProcessResult single =
                cli(basics(file("single.png")) + QStringList{"--beta", beta, "--epsilon", epsilon});
            QVERIFY2(single.exitCode == 0, qPrintable(single.err));
            const cv::Mat a = cv::imread(file(name).toStdString(), cv::IMREAD_UNCHANGED);
            const cv::Mat b = cv::imread(file("single.png").toStdString(), cv::IMREAD_UNCHANGED);
            QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
        }
    }
}

void TestCli::alphaIsReattached() {
    cv::Mat bgra;
    cv::cvtColor(makeContentPicture(64, 48), bgra, cv::COLOR_BGR2BGRA);
    cv::rectangle(bgra, {0, 0}, {20, 20}, {0, 0, 0, 0}, -1);
    QVERIFY(writePicture(file("cutout.png").toStdString(), bgra));
    QStringList args = basics(file("cutout-out.png"));
    args[3] = file("cutout.png");
    args[9] = "0";
    const ProcessResult run = cli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const cv::Mat out = cv::imread(file("cutout-out.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(out.channels(), 4);
    QCOMPARE(out.at<cv::Vec4b>(5, 5)[3], uchar(0));
    QCOMPARE(out.at<cv::Vec4b>(40, 60)[3], uchar(255));
}

void TestCli::bf16DecoderMatchesEngine() {
    const ProcessResult run =
        cli(basics(file("bf16.png")) + QStringList{"--decoder-precision", "bf16"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto session =
        standinSession(file("content.png").toStdString(), file("style.png").toStdString(), 48, 40);
    // The engine's result as the CLI writes it: 8-bit BGR.
    const auto rendered = [&session](Precision precision) {
        RenderParams params;
        params.decoderPrecision = precision;
        cv::Mat bgr;
        cv::cvtColor(session->render(params).rgb, bgr, cv::COLOR_RGB2BGR);
        bgr.convertTo(bgr, CV_8UC3, 255.0);
        return bgr;
    };
    const cv::Mat expected = rendered(Precision::BFloat16);
    const cv::Mat exact = rendered(Precision::Float32);
    const cv::Mat written = cv::imread(file("bf16.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(written, expected, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(written, exact, cv::NORM_INF) > 0.0);  // the option took effect
}

// --decoder-precision bf16 reads what bfloat16 measured on this processor
// (here a remembered measurement, at the run's 2 threads): a note where it
// is slower, none where it is faster.
void TestCli::bf16IsAdvisedAgainstWhereItIsSlower() {
    const QString slowerCache = file("cache-bf16-slower");
    rememberDecoderSpeed((slowerCache + "/depthstyle/decoder-speed").toStdString(),
                         {processorName(), 2, 0.10, 0.25});
    const QStringList bf16 =
        basics(file("bf16-note.png")) + QStringList{"--decoder-precision", "bf16"};
    const ProcessResult slower = cli(bf16, {"XDG_CACHE_HOME=" + slowerCache});
    QVERIFY2(slower.exitCode == 0, qPrintable(slower.err));
    QVERIFY2(slower.err.contains("bfloat16 decoding measured 0.40x the speed of float32"),
             qPrintable(slower.err));
    const QString fasterCache = file("cache-bf16-faster");
    rememberDecoderSpeed((fasterCache + "/depthstyle/decoder-speed").toStdString(),
                         {processorName(), 2, 0.30, 0.15});
    const ProcessResult faster = cli(bf16, {"XDG_CACHE_HOME=" + fasterCache});
    QVERIFY2(faster.exitCode == 0, qPrintable(faster.err));
    QVERIFY2(!faster.err.contains("note:"), qPrintable(faster.err));
    // Full precision asks nothing.
    const ProcessResult fp32 =
        cli(basics(file("fp32-note.png")), {"XDG_CACHE_HOME=" + slowerCache});
    QVERIFY2(!fp32.err.contains("note:"), qPrintable(fp32.err));
}

void TestCli::depthFileAndModelsFromEnvironment() {
    cv::Mat distance;
    makeProximityPicture(75, 50).convertTo(distance, CV_8U, 255.0);
    QVERIFY(writePicture(file("distance.png").toStdString(), distance));
    QStringList args = basics(file("env.png")).mid(2);  // no --models
    args << "--depth" << file("distance.png") << "--depth-is-distance";
    const ProcessResult run = cli(args, {"DEPTHSTYLE_MODELS=" + standinModelDir()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(file("env.png")));
}

void TestCli::runtimeErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("message");
    const QString out = file("never.png");
    QStringList missing = basics(out);
    missing[3] = file("missing.jpg");
    QTest::addRow("missing content") << missing << out << file("missing.jpg") + "': no such file";
    QStringList notImage = basics(out);
    notImage[5] = file("notes.jpg");
    QTest::addRow("style not an image") << notImage << out << file("notes.jpg") + "': not an image";
    QStringList truncated = basics(out);
    truncated[3] = file("cut.jpg");
    QTest::addRow("truncated content") << truncated << out
                                       << file("cut.jpg") +
                                              "': the image "
                                              "data is truncated";
    QStringList overwrite = basics(file("content.png"));
    QTest::addRow("output is the content")
        << overwrite << QString() << "refusing to overwrite an input file";
    QTest::addRow("no such folder")
        << basics(file("nope/out.png")) << file("nope/out.png") << "does not exist";
    QTest::addRow("bad extension")
        << basics(file("out.gif")) << file("out.gif") << "unknown image extension";
    QStringList noModels = basics(out);
    noModels[1] = file("empty-models");
    QTest::addRow("no models") << noModels << out
                               << file("empty-models") +
                                      "/vgg_normalised.pth': model file not "
                                      "found; install the models with "
                                      "packaging/fetch-models.sh";
    QTest::addRow("tiny content") << (basics(out) + QStringList{"--content-size", "8"}) << out
                                  << "the smaller side must be at least 16";
    QStringList bomb = basics(out);
    bomb[3] = file("bomb.jpg");
    QTest::addRow("JPEG declaring 60000x17000")
        << bomb << out
        << file("bomb.jpg") + "': the image declares 60000x17000 pixels, more than the limit";
    bomb[3] = file("bomb.png");
    QTest::addRow("PNG declaring 20000x20000")
        << bomb << out
        << file("bomb.png") + "': the image declares 20000x20000 pixels, more than the limit";
    QStringList fifo = basics(out);
    fifo[3] = file("fifo.png");
    QTest::addRow("content is a FIFO") << fifo << out << "is not a regular file";
    fifo[3] = "/dev/zero";
    QTest::addRow("content is a device") << fifo << out << "'/dev/zero': is not a regular file";
    QTest::addRow("output is a folder")
        << basics(file("a-folder.png")) << QString() << "cannot write: it is a directory";
    const QString longName = file(QString(250, QLatin1Char('n')) + ".png");
    QTest::addRow("output name too long")
        << basics(longName) << longName << "the file name is too long";
    QTest::addRow("content size overflowing 32 bits")
        << (basics(out) + QStringList{"--content-size", "65536"}) << out
        << "exceeds the limit of 40 megapixels";
    QStringList wide = basics(file("wide.webp"));
    wide[3] = file("wide.png");
    wide << "--content-size"
         << "1000";  // 20000x1000: within 40 MP, beyond WebP
    QTest::addRow("WebP beyond 16383 pixels")
        << wide << file("wide.webp") << "WebP holds at most 16383 pixels a side";
    QStringList badDepth = basics(out);
    badDepth << "--depth" << file("notes.jpg");
    QTest::addRow("bad depth map") << badDepth << out << file("notes.jpg") + "': not an image";
    QTest::addRow("focus outside the content")
        << (basics(out) + QStringList{"--focus", "75,10"}) << out
        << "--focus: 75,10 is outside the content image (75x50)";
    QTest::addRow("bad strength override")
        << (basics(out) + QStringList{"--strength-override", file("notes.jpg")}) << out
        << file("notes.jpg") + "': not an image";
    QTest::addRow("missing depth edit")
        << (basics(out) + QStringList{"--depth-edit", file("no-edit.png")}) << out
        << file("no-edit.png") + "': no such file";
}

void TestCli::runtimeErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    QFETCH(QString, message);
    const QByteArray contentBefore = [&] {
        QFile f(file("content.png"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const ProcessResult run = cli(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count('\n'), 0);
    if (!output.isEmpty()) {
        QVERIFY(!QFile::exists(output));
    }
    QFile content(file("content.png"));
    QVERIFY(content.open(QIODevice::ReadOnly));
    QCOMPARE(content.readAll(), contentBefore);
}

void TestCli::strengthOverrideKeepsTheContent() {
    // White at alpha 1 everywhere: P = 1 in every cell, past the 1 - epsilon
    // cap, so the result is the content reconstructed, as plain AdaIN at
    // alpha 1 decodes it. The layer's own size does not matter.
    cv::Mat white(10, 13, CV_16UC4, cv::Scalar(65535, 65535, 65535, 65535));
    QVERIFY(writePicture(file("keep.png").toStdString(), white));
    const ProcessResult kept =
        cli(basics(file("kept.png")) + QStringList{"--strength-override", file("keep.png"),
                                                   "--save-strength", file("kept-p.png")});
    QVERIFY2(kept.exitCode == 0, qPrintable(kept.err));
    const ProcessResult plain =
        cli(basics(file("alpha1.png")) + QStringList{"--method", "adain", "--alpha", "1"});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    const cv::Mat a = cv::imread(file("kept.png").toStdString(), cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(file("alpha1.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
    const cv::Mat p = cv::imread(file("kept-p.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::countNonZero(p != 65535), 0);
    QFile png(file("kept.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.readAll().contains("\"strengthOverride\":\"" + file("keep.png").toUtf8()));
}

void TestCli::preservedColoursMatchTheEngine() {
    for (const char* mode : {"style-to-content", "luminance"}) {
        const QString out = file(QString("colours-%1.tif").arg(mode));
        const ProcessResult run =
            cli(basics(out) + QStringList{"--preserve-color", mode, "--depth-levels", "0,1,1"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        Session session(standinModelFiles());
        session.setContent(file("content.png").toStdString(), 48);
        session.setStyle(file("style.png").toStdString(), 40);
        RenderParams params;
        params.preserveColor = *colorPreservationFromName(mode);
        const Image expected = session.render(params);
        const Image written = loadImage(out.toStdString());
        // 8-bit TIFF: within one level of the engine's picture.
        QVERIFY2(cv::norm(written.rgb, expected.rgb, cv::NORM_INF) <= 0.5 / 255 + 1e-6, mode);
    }
    const ProcessResult png =
        cli(basics(file("colours.png")) + QStringList{"--preserve-color", "luminance"});
    QVERIFY2(png.exitCode == 0, qPrintable(png.err));
    QFile f(file("colours.png"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("\"preserveColor\":\"luminance\""));
}

void TestCli::severalStylesInTheCli() {
    QVERIFY(writePicture(file("style-b.png").toStdString(), makeContentPicture(50, 50)));
    const ProcessResult single = cli(basics(file("one-style.png")));
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    const auto pixels = [&](const QString& name) {
        return cv::imread(file(name).toStdString(), cv::IMREAD_UNCHANGED);
    };
    // Weights 1,0 and two identical near/far styles: the single result.
    const ProcessResult oneZero =
        cli(basics(file("one-zero.png")) +
            QStringList{"--style", file("style-b.png"), "--style-weights", "1,0"});
    QVERIFY2(oneZero.exitCode == 0, qPrintable(oneZero.err));
    QCOMPARE(cv::norm(pixels("one-zero.png"), pixels("one-style.png"), cv::NORM_INF), 0.0);
    QStringList nearFar = basics(file("same-near-far.png"));
    nearFar.remove(4, 2);  // no --style
    nearFar << "--style-near" << file("style.png") << "--style-far" << file("style.png");
    const ProcessResult same = cli(nearFar);
    QVERIFY2(same.exitCode == 0, qPrintable(same.err));
    QCOMPARE(cv::norm(pixels("same-near-far.png"), pixels("one-style.png"), cv::NORM_INF), 0.0);
    // A real mix equals the engine's, and its PNG names the weights.
    const ProcessResult mixed =
        cli(basics(file("mixed.png")) +
            QStringList{"--style", file("style-b.png"), "--style-weights", "0.7,0.3"});
    QVERIFY2(mixed.exitCode == 0, qPrintable(mixed.err));
    Session session(standinModelFiles());
    session.setContent(file("content.png").toStdString(), 48);
    session.setStyle(file("style.png").toStdString(), 40);
    const std::string b = file("style-b.png").toStdString();
    session.setStyleAt(1, loadImage(b), 40, b);
    RenderParams params;
    params.styles = StyleMix{StyleMix::Kind::Weights, {0.7, 0.3}};
    const cv::Mat expected = toOutputPixels(session.render(params), "x.png");
    QCOMPARE(cv::norm(pixels("mixed.png"), expected, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(pixels("mixed.png"), pixels("one-style.png"), cv::NORM_INF) > 0);
    QFile png(file("mixed.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.readAll().contains("\"styleWeights\":[0.7,0.3]"));
}

void TestCli::userPresetFromTheApp() {
    // A preset saved as the app saves it (QSettings under XDG_CONFIG_HOME).
    const QString config = file("config");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    doc::Parameters look;
    look.beta = 5.0;
    look.epsilon = 0.4;
    doc::saveUserPreset({"Soft look", doc::presetJson(look)});
    const QStringList env{"XDG_CONFIG_HOME=" + config};
    const ProcessResult byName =
        cli(basics(file("preset-mine.png")) + QStringList{"--preset", "Soft look"}, env);
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.err));
    const ProcessResult byValues =
        cli(basics(file("preset-values.png")) + QStringList{"--beta", "5", "--epsilon", "0.4"});
    QVERIFY2(byValues.exitCode == 0, qPrintable(byValues.err));
    QCOMPARE(cv::norm(cv::imread(file("preset-mine.png").toStdString(), cv::IMREAD_UNCHANGED),
                      cv::imread(file("preset-values.png").toStdString(), cv::IMREAD_UNCHANGED),
                      cv::NORM_INF),
             0.0);
    const ProcessResult unknown =
        cli(basics(file("never.png")) + QStringList{"--preset", "Loud look"}, env);
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("'Soft look'"), qPrintable(unknown.err));
}

void TestCli::artistControlsMatchTheEngine() {
    // A depth edit with alpha on the left half, then levels, invert and a
    // focus at pixel (60, 12) of the 75x50 original.
    cv::Mat edit(50, 75, CV_8UC4, cv::Scalar(200, 200, 200, 0));
    edit.colRange(0, 37).setTo(cv::Scalar(200, 200, 200, 255));
    QVERIFY(writePicture(file("edit.png").toStdString(), edit));
    const ProcessResult run =
        cli(basics(file("controls.png")) +
            QStringList{"--depth-levels", "0.1,0.9,1.8", "--depth-invert", "--depth-edit",
                        file("edit.png"), "--focus", "60,12", "--save-strength",
                        file("controls-p.tif"), "--save-depth", file("controls-depth.tif")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    Session session(standinModelFiles());
    session.setContent(file("content.png").toStdString(), 48);
    StrengthSettings s = StrengthSettings::daAdain(20, 0.15);
    s.levels = DepthLevels{0.1, 0.9, 1.8, true};
    s.depthEdit =
        std::make_shared<const PaintLayer>(loadPaintLayer(file("edit.png").toStdString()));
    s.focus = cv::Point2d(60.0 / 75.0, 12.0 / 50.0);
    const cv::Mat grid = session.strengthMap({s});
    const cv::Mat written = cv::imread(file("controls-p.tif").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(written, strengthMapAtImageSize(grid, session.contentSize()), cv::NORM_INF),
             0.0);
    // The depth map written is the one Algorithm 1 read: edited on the left.
    const cv::Mat depth =
        cv::imread(file("controls-depth.tif").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(depth, session.adjustedProximity(s), cv::NORM_INF), 0.0);
    QVERIFY(std::abs(depth.at<float>(10, 5) - 200 / 255.0f) < 1e-6);
    const ProcessResult plainRun = cli(basics(file("no-controls.png")));
    QVERIFY2(plainRun.exitCode == 0, qPrintable(plainRun.err));
    const cv::Mat a = cv::imread(file("controls.png").toStdString(), cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(file("no-controls.png").toStdString(), cv::IMREAD_UNCHANGED);
    QVERIFY(cv::norm(a, b, cv::NORM_INF) > 0);
}

void TestCli::sidecarLayersAreRelativeToIt() {
    // A sidecar in its own folder names its layers by file name; --params
    // finds them beside it and reproduces the run with the options.
    QVERIFY(QDir().mkpath(file("set")));
    cv::Mat layer(50, 75, CV_8UC4, cv::Scalar(30, 30, 30, 0));
    layer.rowRange(0, 25).setTo(cv::Scalar(30, 30, 30, 255));
    QVERIFY(writePicture(file("set/strength-override.png").toStdString(), layer));
    QVERIFY(writePicture(file("set/depth-edit.png").toStdString(), layer));
    const QJsonObject parameters{{"contentSize", 48},
                                 {"styleSize", 40},
                                 {"depthLevels", QJsonArray{0.0, 0.8, 1.0}},
                                 {"focus", QJsonArray{0.5, 0.5}},
                                 {"depthEdit", "depth-edit.png"},
                                 {"strengthOverride", "strength-override.png"}};
    QFile sidecar(file("set/depthstyle.json"));
    QVERIFY(sidecar.open(QIODevice::WriteOnly));
    sidecar.write(QJsonDocument(QJsonObject{{"parameters", parameters},
                                            {"content", file("content.png")},
                                            {"style", file("style.png")}})
                      .toJson());
    sidecar.close();
    const ProcessResult fromSidecar =
        cli({"--models", standinModelDir(), "--params", file("set/depthstyle.json"), "--output",
             file("from-sidecar.png"), "--threads", "2"});
    QVERIFY2(fromSidecar.exitCode == 0, qPrintable(fromSidecar.err));
    const ProcessResult fromOptions =
        cli(basics(file("from-options.png")) +
            QStringList{"--depth-levels", "0,0.8,1", "--focus", "37.5,25", "--depth-edit",
                        file("set/depth-edit.png"), "--strength-override",
                        file("set/strength-override.png")});
    QVERIFY2(fromOptions.exitCode == 0, qPrintable(fromOptions.err));
    const cv::Mat a = cv::imread(file("from-sidecar.png").toStdString(), cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(file("from-options.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
}

void TestCli::closeSweepValuesGetTheirOwnFiles() {
    const QString out = file("close.png");
    const ProcessResult run =
        cli(basics(out) + QStringList{"--sweep-beta", "0.1,0.1000001", "--sweep-epsilon", "0.2"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(file("close_beta0.1_eps0.2.png")));
    QVERIFY(QFile::exists(file("close_beta0.1000001_eps0.2.png")));
}

void TestCli::errorOnATerminalStartsItsOwnLine() {
    // Models whose depth network gives NaN: the run fails in the middle of
    // the depth stage, its progress line open. `script` gives it a terminal.
    const QString models = file("broken-depth-models");
    QVERIFY(QDir().mkpath(models));
    for (const QString& name : {QString("vgg_normalised.pth"), QString("decoder.pth")}) {
        QVERIFY(QFile::copy(standinModelDir() + "/" + name, models + "/" + name));
    }
    const ProcessResult made =
        runPythonTool("make_nan_depth_model.py", {models + "/model-small-traced.pt"});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QStringList arguments = basics(file("never-written.png"));
    arguments[1] = models;
    QString command = cliExecutable();
    for (const QString& argument : arguments) {
        command += " '" + argument + "'";
    }
    const ProcessResult run =
        runProcess("script", {"-qec", command + " 2>&1", "/dev/null"}, 120000);
    QVERIFY2(run.exitCode != 0, qPrintable(run.out));
    const QString text = QString(run.out).replace("\r\n", "\n");
    QVERIFY2(text.contains("%"), qPrintable(text));  // the progress was shown
    QVERIFY2(text.contains("\ndepthstyle-cli: error: '" + models + "/model-small-traced.pt'"),
             qPrintable(text));
}

void TestCli::namesThatAreNotUtf8() {
    // Made and run by bash: QProcess and QFile would re-encode the bytes.
    // 0xE9 is "e acute" in Latin-1; 0xFF is never valid UTF-8.
    const QString script = R"sh(set -eu
cli="$1"; models="$2"; work="$3"; content="$4"; style="$5"
cd "$work"
trap 'cd / && rm -rf -- "$work"' EXIT  # QTemporaryDir cannot remove such names
photo="photo-"$'\xe9'".png"; out="out-"$'\xff'".png"; depth="depth-"$'\xe9'$'\xe9'".png"
cp "$content" "$photo"
"$cli" --models "$models" --content "$photo" --style "$style" --output "$out" \
  --save-depth "$depth" --content-size 48 --style-size 40 --threads 2
test -s "$out" || { echo "no $out"; exit 1; }
test -s "$depth" || { echo "no $depth"; exit 1; }
[ "$(ls | grep -c $'\xef\xbf\xbd')" -eq 0 ] || { echo "a name was mangled"; exit 1; }
sidecar="look-"$'\xe9'".json"
printf '{"parameters": {"beta": 5}}' > "$sidecar"
"$cli" --models "$models" --params "$sidecar" --content "$photo" --style "$style" \
  --output again.png --content-size 48 --style-size 40 --threads 2
test -s again.png || { echo "--params with such a name failed"; exit 1; }
if "$cli" --models "$models" --content "missing-"$'\xe9'".png" --style "$style" \
  --output never.png 2> err; then echo "a missing file was accepted"; exit 1; fi
grep -qF "'missing-"$'\xe9'".png': no such file" err || { cat err; exit 1; }
mkfifo "pipe-"$'\xe9'".json"
if timeout 20 "$cli" --models "$models" --params "pipe-"$'\xe9'".json" --content "$photo" \
  --style "$style" --output never.png 2> err; then echo "a FIFO was accepted"; exit 1; fi
grep -qF "'pipe-"$'\xe9'".json': is not a regular file" err || { cat err; exit 1; }
)sh";
    const QString work = file("not-utf8");
    QVERIFY(QDir().mkpath(work));
    const ProcessResult run = runProcess("bash",
                                         {"-c", script, "-", cliExecutable(), standinModelDir(),
                                          work, file("content.png"), file("style.png")},
                                         180000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
}

void TestCli::tooLittleMemoryIsOneLineBeforeWork() {
    const QString output = file("never-rendered.png");
    const ProcessResult run = cli(basics(output), {"DEPTHSTYLE_MEMORY_LIMIT=1M"});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = QString(run.err).trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].startsWith("depthstyle-cli: error: '" + file("content.png") + "': at ") &&
                 lines[0].contains("the render needs about") && lines[0].contains("is available"),
             qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(output));
}

void TestCli::signalWhileWritingLeavesNoTemporaryFile_data() {
    QTest::addColumn<QString>("signal");
    QTest::addRow("Ctrl+C") << "INT";
    QTest::addRow("kill") << "TERM";
}

void TestCli::signalWhileWritingLeavesNoTemporaryFile() {
    // strace holds the run for 4 s right after it set the temporary file's
    // permissions (the file is written, not yet renamed over the old
    // result); the signal arrives then. The old result must stay as it was,
    // and no temporary file may remain.
    QFETCH(QString, signal);
    if (runProcess("strace", {"-qq", "-o", "/dev/null", "true"}, 20000).exitCode != 0) {
        QSKIP(
            "strace cannot trace here (no ptrace permission); packaging/install-deps.sh "
            "installs it");
    }
    const QString script = R"sh(set -u
cli="$1"; models="$2"; work="$3"; content="$4"; style="$5"; signal="$6"
cd "$work"
printf 'the previous result' > out.png
strace -qq -o /dev/null -e trace=fchmod -e inject=fchmod:delay_exit=4000000 \
  "$cli" --models "$models" --content "$content" --style "$style" --output out.png \
  --content-size 48 --style-size 40 --threads 2 &
tracer=$!
seen=0
for i in $(seq 600); do
  if compgen -G ".out.png.tmp*" > /dev/null; then seen=1; break; fi
  sleep 0.05
done
[ "$seen" = 1 ] || { echo "the temporary file never appeared"; exit 1; }
sleep 0.3  # into the held fchmod
run=$(pgrep -P "$tracer")
kill -s "$signal" "$run"
wait "$tracer"; status=$?
[ "$status" -ne 0 ] || { echo "the run was not stopped by the signal"; exit 1; }
if compgen -G ".out.png.tmp*" > /dev/null; then echo "a temporary file was left: $(ls -A)"; exit 1; fi
[ "$(cat out.png)" = 'the previous result' ] || { echo "the old result was replaced"; exit 1; }
)sh";
    const QString work = file("signal-" + signal);
    QVERIFY(QDir().mkpath(work));
    const ProcessResult run = runProcess("bash",
                                         {"-c", script, "-", cliExecutable(), standinModelDir(),
                                          work, file("content.png"), file("style.png"), signal},
                                         180000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
