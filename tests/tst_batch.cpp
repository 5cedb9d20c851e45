// depthstyle-cli batches on stand-in models: many contents and styles in one
// process, each output equal to a single run's, bad files skipped and
// counted, name patterns, --skip-existing and Ctrl+C.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <QScopeGuard>
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/decoder_speed.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "depthstyle/stripe_tuning.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

class TestBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rememberedStyleFeaturesGiveTheSameResult();
    void batchEqualsSingleRuns();
    void listFileAndNamePattern();
    void skipExistingResumes();
    void recolouredStylesInABatch();
    void styleFileBeforeAStyleList();
    void usageErrors_data();
    void usageErrors();
    void ctrlCStopsCleanlyAndResumes();
    void ctrlCStopsTheMeasurement();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    ProcessResult cli(const QStringList& arguments) const {
        return runProcess(cliExecutable(), arguments, 240000);
    }
    QStringList sizes() const {
        return {"--models",       standinModelDir(),
                "--content-size", "48",
                "--style-size",   "40",
                "--threads",      "2"};
    }
    static QByteArray bytesOf(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QString lastLine(const QString& text) { return text.trimmed().split('\n').constLast(); }
    // The program and arguments of a batch at 256 px with the first style,
    // for the Ctrl+C tests.
    QStringList batchAt256(const QString& contents, const QString& out) const {
        return {cliExecutable(),
                "--models",
                standinModelDir(),
                "--content",
                contents,
                "--style",
                file("styles/s1.png"),
                "--output-dir",
                out,
                "--content-size",
                "256",
                "--threads",
                "2"};
    }
    QTemporaryDir dir_;
};

void TestBatch::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(QDir().mkpath(file("contents")) && QDir().mkpath(file("styles")));
    // Natural order: c2 before c10.
    QVERIFY(writePicture(file("contents/c2.png").toStdString(), makeContentPicture(75, 50)));
    QVERIFY(writePicture(file("contents/c10.jpg").toStdString(), makeContentPicture(50, 64)));
    cv::Mat flipped;
    cv::flip(makeContentPicture(64, 64), flipped, 1);
    QVERIFY(writePicture(file("contents/c3.png").toStdString(), flipped));
    QFile bad(file("contents/c4.png"));
    QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("not a picture") > 0);
    bad.close();
    QFile notes(file("contents/readme.txt"));  // not an image: not in the batch
    QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("notes") > 0);
    notes.close();
    QVERIFY(writePicture(file("styles/s1.png").toStdString(), makeStylePicture(60, 60)));
    cv::Mat turned;
    cv::rotate(makeStylePicture(50, 70), turned, cv::ROTATE_90_CLOCKWISE);
    QVERIFY(writePicture(file("styles/s2.png").toStdString(), turned));
}

void TestBatch::rememberedStyleFeaturesGiveTheSameResult() {
    const Image style = loadImage(file("styles/s1.png").toStdString());
    Session batch(standinModelFiles());
    batch.rememberStyleFeatures(2);
    RenderParams params;
    for (const char* content : {"contents/c2.png", "contents/c3.png"}) {
        batch.setContent(file(content).toStdString(), 48);
        batch.setStyle(style, 40, "s1");
        const Image result = batch.render(params);
        Session single(standinModelFiles());
        single.setContent(file(content).toStdString(), 48);
        single.setStyle(style, 40, "s1");
        QCOMPARE(cv::norm(result.rgb, single.render(params).rgb, cv::NORM_INF), 0.0);
    }
    QCOMPARE(batch.counters().styleEncodings, 1);  // the second content reused it
    QCOMPARE(batch.counters().contentEncodings, 2);
    // Other pixels are encoded again.
    cv::Mat other = style.rgb.clone();
    other.at<cv::Vec3f>(0, 0)[0] += 0.25f;
    batch.setStyle(Image{other, cv::Mat(), style.sourceBitDepth}, 40, "s1");
    batch.render(params);
    QCOMPARE(batch.counters().styleEncodings, 2);
}

void TestBatch::batchEqualsSingleRuns() {
    const QString out = file("out");
    const ProcessResult run =
        cli(sizes() + QStringList{"--content", file("contents"), "--style", file("styles"),
                                  "--output-dir", out, "--beta", "9"});
    QCOMPARE(run.exitCode, 1);  // c4.png is not a picture
    QCOMPARE(lastLine(run.err), QString("depthstyle-cli: 6 written, 2 failed, 0 skipped"));
    QCOMPARE(run.err.count("c4.png"), 1);  // named once, on one line
    QVERIFY2(run.err.contains("not an image"), qPrintable(run.err));
    // In natural order, each with progress.
    const qsizetype c2 = run.err.indexOf("c2_s1.png");
    const qsizetype c3 = run.err.indexOf("c3_s1.png");
    const qsizetype c10 = run.err.indexOf("c10_s1.png");
    QVERIFY2(c2 >= 0 && c2 < c3 && c3 < c10, qPrintable(run.err));
    QVERIFY(run.err.contains("[1/8] wrote") && run.err.contains("left"));
    QVERIFY(!QFileInfo::exists(out + "/c4_s1.png") && !QFileInfo::exists(out + "/readme_s1.png"));
    for (const char* content : {"c2.png", "c3.png", "c10.jpg"}) {
        for (const char* style : {"s1", "s2"}) {
            const QString name = QFileInfo(content).completeBaseName() + "_" + style + ".png";
            const ProcessResult single =
                cli(sizes() + QStringList{"--content", file(QString("contents/") + content),
                                          "--style", file(QString("styles/") + style + ".png"),
                                          "--output", file("single.png"), "--beta", "9"});
            QVERIFY2(single.exitCode == 0, qPrintable(single.err));
            const QByteArray batchBytes = bytesOf(out + "/" + name);
            QVERIFY2(!batchBytes.isEmpty(), qPrintable(name));
            QVERIFY2(batchBytes == bytesOf(file("single.png")), qPrintable(name));
        }
    }
}

void TestBatch::listFileAndNamePattern() {
    QVERIFY(QDir().mkpath(file("lists")));
    QFile list(file("lists/contents.txt"));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("# the two squares\n../contents/c3.png\n\n" + file("contents/c2.png").toUtf8() +
               "\n");
    list.close();
    const QString out = file("named");
    const ProcessResult run = cli(
        sizes() + QStringList{"--content-list", file("lists/contents.txt"), "--style",
                              file("styles/s1.png"), "--style", file("styles/s2.png"),
                              "--style-weights", "3,1", "--sweep-beta", "5,20", "--output-dir", out,
                              "--name", "{index}-{content}-{style}-b{beta}-e{epsilon}.jpg"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(lastLine(run.err), QString("depthstyle-cli: 4 written, 0 failed, 0 skipped"));
    QStringList names = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(names, QStringList({"1-c3-s1+s2-b20-e0.15.jpg", "1-c3-s1+s2-b5-e0.15.jpg",
                                 "2-c2-s1+s2-b20-e0.15.jpg", "2-c2-s1+s2-b5-e0.15.jpg"}));
    // The mix and the sweep as a single run gives them.
    const ProcessResult single =
        cli(sizes() + QStringList{"--content", file("contents/c2.png"), "--style",
                                  file("styles/s1.png"), "--style", file("styles/s2.png"),
                                  "--style-weights", "3,1", "--beta", "5", "--output",
                                  file("single.jpg")});
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    QCOMPARE(bytesOf(out + "/2-c2-s1+s2-b5-e0.15.jpg"), bytesOf(file("single.jpg")));
}

void TestBatch::skipExistingResumes() {
    const QString out = file("resume");
    QVERIFY(QDir().mkpath(out));
    QFile kept(out + "/c3_s1.png");
    QVERIFY(kept.open(QIODevice::WriteOnly) && kept.write("kept as it is") > 0);
    kept.close();
    const QStringList batch = sizes() + QStringList{"--content",      file("contents/c2.png"),
                                                    "--content",      file("contents/c3.png"),
                                                    "--style",        file("styles/s1.png"),
                                                    "--output-dir",   out,
                                                    "--skip-existing"};
    const ProcessResult first = cli(batch);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(lastLine(first.err), QString("depthstyle-cli: 1 written, 0 failed, 1 skipped"));
    QCOMPARE(bytesOf(out + "/c3_s1.png"), QByteArray("kept as it is"));
    const ProcessResult again = cli(batch);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(lastLine(again.err), QString("depthstyle-cli: 0 written, 0 failed, 2 skipped"));
    // A single run's sweep resumes too.
    const QStringList sweep = sizes() + QStringList{"--content",      file("contents/c2.png"),
                                                    "--style",        file("styles/s1.png"),
                                                    "--output",       out + "/sweep.png",
                                                    "--sweep-beta",   "5,10",
                                                    "--skip-existing"};
    QVERIFY(cli(sweep).exitCode == 0);
    const ProcessResult sweptAgain = cli(sweep);
    QCOMPARE(sweptAgain.exitCode, 0);
    QCOMPARE(lastLine(sweptAgain.err),
             QString("depthstyle-cli: 0 written, 0 failed, 2 skipped (they exist)"));
    // Without it, outputs are written again.
    const ProcessResult fresh = cli(batch.mid(0, batch.size() - 1));
    QCOMPARE(fresh.exitCode, 0);
    QVERIFY(bytesOf(out + "/c3_s1.png").startsWith("\x89PNG"));
}

// style-to-content recolours each style to the content: the content's
// pixels stay for the second style.
void TestBatch::recolouredStylesInABatch() {
    const QString out = file("recoloured");
    const QStringList colours{"--preserve-color", "style-to-content"};
    const ProcessResult run = cli(sizes() + colours +
                                  QStringList{"--content", file("contents/c2.png"), "--style",
                                              file("styles"), "--output-dir", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(lastLine(run.err), QString("depthstyle-cli: 2 written, 0 failed, 0 skipped"));
    for (const char* style : {"s1", "s2"}) {
        const ProcessResult single =
            cli(sizes() + colours +
                QStringList{"--content", file("contents/c2.png"), "--style",
                            file(QString("styles/%1.png").arg(style)), "--output",
                            file("single-recoloured.png")});
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        QCOMPARE(bytesOf(out + QString("/c2_%1.png").arg(style)),
                 bytesOf(file("single-recoloured.png")));
    }
}

void TestBatch::styleFileBeforeAStyleList() {
    QFile list(file("styles.txt"));
    QVERIFY(list.open(QIODevice::WriteOnly) && list.write("styles/s2.png\n") > 0);
    list.close();
    const QString out = file("file-and-list");
    const ProcessResult run =
        cli(sizes() + QStringList{"--content", file("contents/c3.png"), "--style",
                                  file("styles/s1.png"), "--style-list", file("styles.txt"),
                                  "--output-dir", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), QStringList({"c3_s1.png", "c3_s2.png"}));
}

void TestBatch::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList two{"--content", "a.png", "--content", "b.png", "--style", "s.png"};
    QTest::addRow("several contents, one output")
        << (two + QStringList{"--output", "o.png"}) << "need --output-dir";
    QTest::addRow("output and output-dir")
        << (two + QStringList{"--output", "o.png", "--output-dir", "d"})
        << "--output and --output-dir go one at a time";
    QTest::addRow("name without output-dir")
        << QStringList{"--content", "a.png", "--style", "s.png",
                       "--output",  "o.png", "--name",  "{content}.png"}
        << "--name needs --output-dir";
    QTest::addRow("unknown field")
        << (two + QStringList{"--output-dir", "d", "--name", "{size}.png"})
        << "'{size}' is not one of";
    QTest::addRow("unclosed field")
        << (two + QStringList{"--output-dir", "d", "--name", "{content.png"}) << "unclosed";
    QTest::addRow("folder in the name")
        << (two + QStringList{"--output-dir", "d", "--name", "x/{content}.png"}) << "holds a '/'";
    QTest::addRow("focus for several") << (two + QStringList{"--output-dir", "d", "--focus", "1,1"})
                                       << "--focus is for one content";
    QTest::addRow("one name for two outputs")
        << (two + QStringList{"--output-dir", "d", "--name", "{style}.png"})
        << "'s.png' would be written for a.png with s.png (beta 20, epsilon 0.15) and for "
           "b.png with s.png (beta 20, epsilon 0.15); add {index}";
    QTest::addRow("sweep without its field")
        << (two +
            QStringList{"--output-dir", "d", "--name", "{content}.png", "--sweep-beta", "1,2"})
        << "(beta 1, epsilon 0.15) and for a.png with s.png (beta 2, epsilon 0.15); add {beta}";
    QTest::addRow("no extension") << (two + QStringList{"--output-dir", "d", "--name", "{content}"})
                                  << "needs a name and a picture extension";
    QTest::addRow("extension alone") << (two + QStringList{"--output-dir", "d", "--name", ".png"})
                                     << "needs a name and a picture extension";
    QTest::addRow("depth map of a sidecar for several") << QStringList{}  // filled in the test
                                                        << "names a depth map, which is for one";
    QTest::addRow("style folder mixed") << QStringList{"--content", "a.png", "--style",      ".",
                                                       "--style",   "s.png", "--output-dir", "d"}
                                        << "does not mix";
    QTest::addRow("missing list") << QStringList{"--content-list", "no-such-list.txt", "--style",
                                                 "s.png",          "--output-dir",     "d"}
                                  << "no-such-list.txt";
}

void TestBatch::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    if (arguments.isEmpty()) {
        // A sidecar naming a depth map, with two contents.
        QFile sidecar(file("with-depth.json"));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(R"({"format": "depthstyle-sidecar-1",
            "parameters": {"depthSource": "file", "depthPath": "depth.png"}})");
        sidecar.close();
        arguments = QStringList{"--params",     file("with-depth.json"),
                                "--content",    "a.png",
                                "--content",    "b.png",
                                "--style",      "s.png",
                                "--output-dir", "d"};
    }
    const ProcessResult run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count('\n'), 0);
}

void TestBatch::ctrlCStopsCleanlyAndResumes() {
    // Twelve contents at 256 px: the first Ctrl+C comes after the first
    // output; the run stops with the picture at hand discarded.
    const QString folder = file("many");
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < 12; ++i) {
        cv::Mat picture = makeContentPicture(300, 260);
        picture += cv::Scalar::all(i * 7);
        QVERIFY(writePicture(QString("%1/p%2.png").arg(folder).arg(i).toStdString(), picture));
    }
    const QString out = file("stopped");
    const QStringList batch = batchAt256(folder, out);
    const ProcessResult run = interruptWhen("wrote", batch);
    QVERIFY2(run.exitCode == 130, qPrintable(run.err));
    QVERIFY2(lastLine(run.err).contains("stopped by Ctrl+C:"), qPrintable(run.err));
    const QStringList written = QDir(out).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(!written.isEmpty() && written.size() < 12, qPrintable(written.join(' ')));
    for (const QString& name : written) {
        QVERIFY2(!name.startsWith('.'), qPrintable(name));  // no temporary file
        QCOMPARE(loadImage((out + "/" + name).toStdString()).rgb.size(), cv::Size(295, 256));
    }
    const ProcessResult resumed = cli(batch.mid(1) + QStringList{"--skip-existing"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(lastLine(resumed.err), QString("depthstyle-cli: %1 written, 0 failed, %2 skipped")
                                        .arg(12 - written.size())
                                        .arg(written.size()));
}

// A graceful Ctrl+C during the first run's stripe measurement stops the
// measurement at once (nothing remembered; the default size would apply)
// and then the batch, before any picture.
void TestBatch::ctrlCStopsTheMeasurement() {
    const QByteArray previousCache = qgetenv("XDG_CACHE_HOME");
    const auto restore = qScopeGuard([&] {
        qputenv("XDG_CACHE_HOME", previousCache);
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
    });
    const QString cache = file("cache-interrupted");
    qputenv("XDG_CACHE_HOME", cache.toLocal8Bit());
    qputenv("DEPTHSTYLE_STRIPE_TUNING", "1");
    const QString out = file("interrupted-measuring");
    const QStringList batch = batchAt256(file("contents"), out);
    const ProcessResult run = interruptWhen("measuring this processor once", batch);
    QVERIFY2(run.exitCode == 130, qPrintable(run.err));
    QVERIFY2(run.err.contains("measuring this processor once"), qPrintable(run.err));
    QVERIFY2(lastLine(run.err).contains("stopped by Ctrl+C: 0 written"), qPrintable(run.err));
    QVERIFY(!rememberedStripeBudget((cache + "/depthstyle/stripe-budget").toStdString(),
                                    processorName(), 2));
    QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // Waiting for another program's measurement: said, and a Ctrl+C ends
    // the wait as well.
    const int other = ::open(QFile::encodeName(cache + "/depthstyle/measuring.lock").constData(),
                             O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    QVERIFY(other >= 0 && ::flock(other, LOCK_EX) == 0);
    const auto release = qScopeGuard([other] { ::close(other); });
    const ProcessResult waited = interruptWhen("waiting for another DepthStyle program", batch);
    QVERIFY2(waited.exitCode == 130, qPrintable(waited.err));
    QVERIFY2(waited.err.contains("measuring.lock") &&
                 !waited.err.contains("measuring this processor once"),
             qPrintable(waited.err));
    QVERIFY2(lastLine(waited.err).contains("stopped by Ctrl+C: 0 written"), qPrintable(waited.err));
    QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // The bfloat16 measurement (the stripe size not measured) waits for the
    // same lock; a Ctrl+C ends that wait and the batch, nothing remembered.
    qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
    const ProcessResult fast =
        interruptWhen("waiting for another DepthStyle program",
                      batch + QStringList{"--decoder-precision", "bf16"}, 60000);
    QVERIFY2(fast.exitCode == 130, qPrintable(fast.err));
    QVERIFY2(fast.err.contains("measuring.lock"), qPrintable(fast.err));
    QVERIFY2(lastLine(fast.err).contains("stopped by Ctrl+C: 0 written"), qPrintable(fast.err));
    QVERIFY(!rememberedDecoderSpeed((cache + "/depthstyle/decoder-speed").toStdString(),
                                    processorName(), 2));
    QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
