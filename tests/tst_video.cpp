// Video on stand-in models: clip-wide depth normalisation (exact, on the
// engine), picture sequences and video files from synthetic clips the test
// writes, chunks that equal one whole run, and bad videos.
#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "depthstyle/image_io.h"
#include "depthstyle/strength_map.h"
#include "synthetic_images.h"
#include "synthetic_video.h"
#include "test_env.h"

Q_DECLARE_METATYPE(cv::Size)

using namespace depthstyle;
using namespace depthstyle::test;

class TestVideo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clipNormalisationKeepsStillPartsStill();
    void oneFrameClipIsThePaper();
    void sequenceFramesEqualSingleRuns();
    void sequenceResumesWithSkipExisting();
    void videoFilesKeepRateAndCount_data();
    void videoFilesKeepRateAndCount();
    void chunksEqualOneWholeRun();
    void statsOfAnotherClipAreRefused();
    void badVideos();
    void ctrlCKeepsFinishedFrames();
    void usageErrors_data();
    void usageErrors();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    ProcessResult cli(const QStringList& arguments) const {
        return runProcess(cliExecutable(), arguments, 240000);
    }
    QStringList common() const {
        return {"--models", standinModelDir(), "--style", file("style.png"), "--content-size",
                "48",       "--style-size",    "40",      "--threads",       "2"};
    }
    static cv::Mat readPng(const QString& path) {
        return cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
    }
    QTemporaryDir dir_;
};

constexpr int kFrames = 6;
const cv::Size kClipSize(96, 64);

void TestVideo::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(60, 60)));
    QVERIFY(writeSyntheticClip(file("clip.avi").toStdString(), kFrames, kClipSize, 12.0));
    QVERIFY(writeSyntheticClip(file("other.avi").toStdString(), 4, cv::Size(80, 80), 12.0));
}

// Two frames of one still scene; in the second a near object enters. Per
// frame, the new maximum renormalises the whole map; with the clip's
// statistics the still cells keep their strength exactly.
void TestVideo::clipNormalisationKeepsStillPartsStill() {
    cv::Mat before = makeProximityPicture(64, 48) * 0.6f;
    cv::Mat after = before.clone();
    cv::rectangle(after, cv::Rect(0, 32, 16, 16), cv::Scalar(0.95f), cv::FILLED);
    ClipStatistics statistics;
    statistics.add(before);
    statistics.add(after);
    const ClipNormalisation clip = statistics.result();
    QCOMPARE(statistics.frames(), 2);
    QCOMPARE(clip.high, double(0.95f));  // the object's cells: their own value
    StrengthSettings clipWide = StrengthSettings::daAdain(20, 0.15);
    clipWide.clip = clip;
    const StrengthSettings perFrame = StrengthSettings::daAdain(20, 0.15);
    const auto strengthOf = [](const cv::Mat& proximity, const StrengthSettings& settings) {
        const cv::Mat adjusted =
            settings.clip ? clipNormalisedProximity(proximity, *settings.clip) : proximity;
        return strengthMap(proximityOnFeatureGrid(adjusted), settings, proximity.size());
    };
    const cv::Mat stillCells = cv::Mat(6, 8, CV_8UC1, cv::Scalar(255));
    stillCells(cv::Rect(0, 4, 2, 2)).setTo(0);  // the object's cells
    const cv::Mat a = strengthOf(before, clipWide);
    const cv::Mat b = strengthOf(after, clipWide);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF, stillCells), 0.0);
    QVERIFY(cv::norm(a, b, cv::NORM_INF) > 0.05);  // the object's cells do change
    const double perFrameJump = cv::norm(strengthOf(before, perFrame), strengthOf(after, perFrame),
                                         cv::NORM_INF, stillCells);
    QVERIFY2(perFrameJump > 0.01, qPrintable(QString::number(perFrameJump)));
}

// A clip of one frame: its statistics are the frame's own, and P is the
// paper's per-frame P (to float rounding).
void TestVideo::oneFrameClipIsThePaper() {
    const cv::Mat proximity = makeProximityPicture(80, 56) * 3.0f + 1.0f;
    ClipStatistics statistics;
    statistics.add(proximity);
    StrengthSettings clipWide = StrengthSettings::daAdain(20, 0.15);
    clipWide.clip = statistics.result();
    const cv::Mat paper = strengthMap(proximityOnFeatureGrid(proximity),
                                      StrengthSettings::daAdain(20, 0.15), proximity.size());
    const cv::Mat clip =
        strengthMap(proximityOnFeatureGrid(clipNormalisedProximity(proximity, *clipWide.clip)),
                    clipWide, proximity.size());
    QVERIFY(cv::norm(paper, clip, cv::NORM_INF) < 1e-5);
}

void TestVideo::sequenceFramesEqualSingleRuns() {
    QVERIFY(QDir().mkpath(file("seq")));
    const ProcessResult run =
        cli(common() + QStringList{"--content", file("clip.avi"), "--output", file("seq/f%03d.png"),
                                   "--video-normalize", "per-frame", "--beta", "9"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("6 frames written"), qPrintable(run.err));
    QCOMPARE(QDir(file("seq")).entryList(QDir::Files).size(), kFrames);
    // Frame 3 as its own picture, decoded by the same video I/O.
    cv::VideoCapture capture(file("clip.avi").toStdString(), cv::CAP_FFMPEG);
    cv::Mat frame;
    for (int i = 0; i <= 3; ++i) {
        QVERIFY(capture.read(frame));
    }
    QVERIFY(writePicture(file("frame3.png").toStdString(), frame));
    const ProcessResult single =
        cli(common() + QStringList{"--content", file("frame3.png"), "--output", file("single3.png"),
                                   "--beta", "9"});
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    const cv::Mat fromClip = readPng(file("seq/f003.png"));
    QCOMPARE(fromClip.size(), cv::Size(72, 48));
    QCOMPARE(cv::norm(fromClip, readPng(file("single3.png")), cv::NORM_INF), 0.0);
}

void TestVideo::sequenceResumesWithSkipExisting() {
    QVERIFY(QDir().mkpath(file("resume")));
    const QStringList run = common() + QStringList{"--content",         file("clip.avi"),
                                                   "--output",          file("resume/%02d.png"),
                                                   "--video-normalize", "per-frame",
                                                   "--focus",           "10,10"};
    const ProcessResult part = cli(run + QStringList{"--frames", "0:2"});
    QVERIFY2(part.exitCode == 0, qPrintable(part.err));
    QCOMPARE(QDir(file("resume")).entryList({"*.png"}, QDir::Files),
             QStringList({"00.png", "01.png"}));
    QFile kept(file("resume/01.png"));
    QVERIFY(kept.open(QIODevice::WriteOnly) && kept.write("left alone") > 0);
    kept.close();
    const ProcessResult rest = cli(run + QStringList{"--skip-existing"});
    QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
    QVERIFY2(rest.err.contains("4 frames written, 2 skipped"), qPrintable(rest.err));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("left alone"));
    QCOMPARE(QDir(file("resume")).entryList({"*.png"}, QDir::Files).size(), kFrames);
    // The resumed frames keep the focus: as one whole run gives them.
    QStringList whole = run;
    whole[whole.indexOf("--output") + 1] = file("resume-whole/%02d.png");
    const ProcessResult wholeRun = cli(whole);
    QVERIFY2(wholeRun.exitCode == 0, qPrintable(wholeRun.err));
    for (const char* frame : {"02.png", "03.png", "05.png"}) {
        QCOMPARE(cv::norm(readPng(file("resume/") + frame), readPng(file("resume-whole/") + frame),
                          cv::NORM_INF),
                 0.0);
    }
}

void TestVideo::videoFilesKeepRateAndCount_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("contentSize");
    QTest::addColumn<cv::Size>("size");
    QTest::addRow("mp4") << "out.mp4"
                         << "48" << cv::Size(72, 48);
    QTest::addRow("avi") << "out.avi"
                         << "48" << cv::Size(72, 48);
    QTest::addRow("mkv at the source size") << "out.mkv"
                                            << "0" << kClipSize;
}

void TestVideo::videoFilesKeepRateAndCount() {
    QFETCH(QString, name);
    QFETCH(QString, contentSize);
    QFETCH(cv::Size, size);
    const ProcessResult run =
        cli(common() + QStringList{"--content", file("clip.avi"), "--output", file(name),
                                   "--content-size", contentSize});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("audio is not carried over"), qPrintable(run.err));
    QVERIFY(QDir(dir_.path()).entryList({".*tmp*"}, QDir::Files | QDir::Hidden).isEmpty());
    cv::VideoCapture capture(file(name).toStdString(), cv::CAP_FFMPEG);
    QVERIFY(capture.isOpened());
    QCOMPARE(capture.get(cv::CAP_PROP_FPS), 12.0);
    int frames = 0;
    cv::Mat frame;
    while (capture.read(frame)) {
        QCOMPARE(frame.size(), size);
        ++frames;
    }
    QCOMPARE(frames, kFrames);
}

void TestVideo::chunksEqualOneWholeRun() {
    // The sequences' folders are made by the runs.
    const QStringList clip = common() + QStringList{"--content", file("clip.avi")};
    const ProcessResult whole = cli(clip + QStringList{"--output", file("whole/%d.png")});
    QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
    const QString stats = file("clip-stats.json");
    const ProcessResult first = cli(clip + QStringList{"--output", file("chunks/%d.png"),
                                                       "--frames", "0:2", "--video-stats", stats});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.err.contains("clip statistics written"), qPrintable(first.err));
    const ProcessResult rest = cli(clip + QStringList{"--output", file("chunks/%d.png"), "--frames",
                                                      "2:", "--video-stats", stats});
    QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
    QVERIFY2(rest.err.contains("clip statistics read"), qPrintable(rest.err));
    QVERIFY2(!rest.err.contains("depth pass"), qPrintable(rest.err));
    QCOMPARE(QDir(file("chunks")).entryList({"*.png"}, QDir::Files).size(), kFrames);
    for (int i = 0; i < kFrames; ++i) {
        QFile a(file(QString("whole/%1.png").arg(i)));
        QFile b(file(QString("chunks/%1.png").arg(i)));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY2(a.readAll() == b.readAll(), qPrintable(QString("frame %1").arg(i)));
    }
    // Per frame gives other pictures (the object renormalises each frame).
    QVERIFY(QDir().mkpath(file("perframe")));
    const ProcessResult perFrame = cli(
        clip + QStringList{"--output", file("perframe/%d.png"), "--video-normalize", "per-frame"});
    QVERIFY2(perFrame.exitCode == 0, qPrintable(perFrame.err));
    double largest = 0;
    for (int i = 0; i < kFrames; ++i) {
        largest = std::max(
            largest, cv::norm(readPng(file(QString("whole/%1.png").arg(i))),
                              readPng(file(QString("perframe/%1.png").arg(i))), cv::NORM_INF));
    }
    QVERIFY(largest > 0);
}

void TestVideo::statsOfAnotherClipAreRefused() {
    const QString stats = file("other-stats.json");
    QVERIFY(QDir().mkpath(file("other")));
    const ProcessResult made =
        cli(common() + QStringList{"--content", file("other.avi"), "--output", file("other/%d.png"),
                                   "--video-stats", stats});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const ProcessResult wrong =
        cli(common() + QStringList{"--content", file("clip.avi"), "--output", file("wrong.mp4"),
                                   "--video-stats", stats});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("other-stats.json") && wrong.err.contains("other.avi"),
             qPrintable(wrong.err));
    QVERIFY(!QFileInfo::exists(file("wrong.mp4")));
    QFile broken(file("broken-stats.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("{\"depthstyleVideoStats\": 1}") > 0);
    broken.close();
    const ProcessResult bad =
        cli(common() + QStringList{"--content", file("clip.avi"), "--output", file("bad.mp4"),
                                   "--video-stats", file("broken-stats.json")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("broken-stats.json") && bad.err.contains("incomplete"),
             qPrintable(bad.err));
}

void TestVideo::badVideos() {
    QFile text(file("notes.mp4"));
    QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a video at all") > 0);
    text.close();
    const ProcessResult notVideo =
        cli(common() + QStringList{"--content", file("notes.mp4"), "--output", file("n.mp4")});
    QCOMPARE(notVideo.exitCode, 1);
    QVERIFY2(notVideo.err.contains("notes.mp4") && notVideo.err.contains("not a video"),
             qPrintable(notVideo.err));
    // Cut short: the header states six frames, the data stops in frame 3.
    QFile whole(file("clip.avi"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QFile cut(file("cut.avi"));
    QVERIFY(cut.open(QIODevice::WriteOnly) && cut.write(bytes.left(bytes.size() * 55 / 100)) > 0);
    cut.close();
    QVERIFY(QDir().mkpath(file("cut")));
    const ProcessResult damaged =
        cli(common() + QStringList{"--content", file("cut.avi"), "--output", file("cut/%d.png"),
                                   "--video-normalize", "per-frame"});
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(damaged.err.contains("cut.avi") && damaged.err.contains("frame "),
             qPrintable(damaged.err));
    const int kept = int(QDir(file("cut")).entryList({"*.png"}, QDir::Files).size());
    QVERIFY2(kept >= 1 && kept < kFrames, qPrintable(QString::number(kept)));
    QVERIFY2(damaged.err.contains(QString("%1 frames were written before the error").arg(kept)),
             qPrintable(damaged.err));
    // A video into a folder that does not exist: named, before any work.
    const ProcessResult noFolder =
        cli(common() +
            QStringList{"--content", file("clip.avi"), "--output", file("no-such-folder/o.mp4")});
    QCOMPARE(noFolder.exitCode, 1);
    QVERIFY2(noFolder.err.contains("no-such-folder/o.mp4': cannot write: the folder"),
             qPrintable(noFolder.err));
    QVERIFY2(!noFolder.err.contains("depth pass"), qPrintable(noFolder.err));
    // The clip is never its own output.
    const ProcessResult itself =
        cli(common() + QStringList{"--content", file("cut.avi"), "--output", file("cut.avi"),
                                   "--video-normalize", "per-frame"});
    QCOMPARE(itself.exitCode, 1);
    QVERIFY2(itself.err.contains("refusing to overwrite an input"), qPrintable(itself.err));
    QCOMPARE(QFileInfo(file("cut.avi")).size(), qint64(bytes.size() * 55 / 100));
    // A video file output is not left half written.
    const ProcessResult noFile =
        cli(common() + QStringList{"--content", file("cut.avi"), "--output", file("cut.mp4"),
                                   "--video-normalize", "per-frame"});
    QCOMPARE(noFile.exitCode, 1);
    QVERIFY(!QFileInfo::exists(file("cut.mp4")));
    QVERIFY(QDir(dir_.path()).entryList({".cut*"}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestVideo::ctrlCKeepsFinishedFrames() {
    // Twelve frames at 240 px: Ctrl+C after the first frame is reported.
    QVERIFY(writeSyntheticClip(file("long.avi").toStdString(), 12, cv::Size(320, 240), 12.0));
    const QStringList base{cliExecutable(),
                           "--models",
                           standinModelDir(),
                           "--style",
                           file("style.png"),
                           "--content",
                           file("long.avi"),
                           "--content-size",
                           "240",
                           "--threads",
                           "2",
                           "--video-normalize",
                           "per-frame"};
    QVERIFY(QDir().mkpath(file("stopped")));
    const QStringList sequence = base + QStringList{"--output", file("stopped/%02d.png")};
    const ProcessResult run = interruptWhen("rendered frame", sequence);
    QVERIFY2(run.exitCode == 130, qPrintable(run.err));
    QVERIFY2(run.err.contains("stopped by Ctrl+C"), qPrintable(run.err));
    const QStringList kept = QDir(file("stopped")).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(!kept.isEmpty() && kept.size() < 12, qPrintable(kept.join(' ')));
    for (const QString& name : kept) {
        QVERIFY2(!name.startsWith('.'), qPrintable(name));
        QCOMPARE(readPng(file("stopped/" + name)).size(), cv::Size(320, 240));
    }
    const ProcessResult resumed = cli(sequence.mid(1) + QStringList{"--skip-existing"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QVERIFY2(resumed.err.contains(
                 QString("%1 frames written, %2 skipped").arg(12 - kept.size()).arg(kept.size())),
             qPrintable(resumed.err));
    // A video file is written whole or not at all.
    const QStringList video = base + QStringList{"--output", file("stopped.mp4")};
    const ProcessResult stopped = interruptWhen("rendered frame", video);
    QVERIFY2(stopped.exitCode == 130 && stopped.err.contains("no video written"),
             qPrintable(stopped.err));
    QVERIFY(!QFileInfo::exists(file("stopped.mp4")));
    QVERIFY(QDir(dir_.path()).entryList({".stopped*"}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestVideo::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList video{"--content", "clip.mp4", "--style", "s.png"};
    QTest::addRow("frames backwards")
        << (video + QStringList{"--output", "o.mp4", "--frames", "3:2"})
        << "--frames: '3:2' is not A:B";
    QTest::addRow("frames not numbers")
        << (video + QStringList{"--output", "o.mp4", "--frames", "x"}) << "is not A:B";
    QTest::addRow("stats per frame")
        << (video + QStringList{"--output", "o.mp4", "--video-normalize", "per-frame",
                                "--video-stats", "s.json"})
        << "--video-stats holds a clip-wide normalisation";
    QTest::addRow("picture output")
        << (video + QStringList{"--output", "o.png"}) << "neither a video";
    QTest::addRow("frames for a picture") << QStringList{"--content", "a.png", "--style",  "s.png",
                                                         "--output",  "o.png", "--frames", "0:2"}
                                          << "--frames is for a video";
    QTest::addRow("skip-existing for a file")
        << (video + QStringList{"--output", "o.mp4", "--skip-existing"})
        << "--skip-existing resumes a picture sequence";
    QTest::addRow("levels with clip-wide")
        << (video + QStringList{"--output", "o.mp4", "--depth-levels", "0,1,2"})
        << "add --video-normalize per-frame";
    QTest::addRow("focus with clip-wide")
        << (video + QStringList{"--output", "o.mp4", "--focus", "3,4"})
        << "add --video-normalize per-frame";
    QTest::addRow("unknown normalisation")
        << (video + QStringList{"--output", "o.mp4", "--video-normalize", "smooth"})
        << "not clip or per-frame";
}

void TestVideo::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ProcessResult run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestVideo)
#include "tst_video.moc"
