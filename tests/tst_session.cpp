// The session's caches, progress and cancellation: a beta/epsilon sweep
// equals separate full runs pixel for pixel while encoders and depth run once.
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/heap.h"
#include "depthstyle/image_io.h"
#include "depthstyle/memory_estimate.h"
#include "depthstyle/models.h"
#include "depthstyle/session.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/tiling.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

RenderParams daAdain(double beta, double epsilon) {
    return {StrengthSettings::daAdain(beta, epsilon)};
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void warmedHeapCountsWhileFree();  // first: before other tests leave freed memory
    void sweepEqualsSeparateRuns();
    void newStyleReencodesOnlyTheStyle();
    void newContentRerunsDepthAndContent();
    void plainAdainComesFromTheSameCache();
    void progressNamesEveryStage();
    void cancelStopsAndKeepsCaches();
    void failedInputKeepsPreviousState();
    void distanceMapIsInverted();
    void missingDepthModelIsNamed();
    void renderWithoutImagesIsAnError();
    void stripesEqualWholeImage_data();
    void stripesEqualWholeImage();
    void memoryIsCheckedBeforeWork();
    void releasedContentPixelsChangeNothing();
    void severalStylesReduceExactly();
    void styleMixNeedsItsStyles();
    void preparedRenderMakesNoKernels_data();
    void preparedRenderMakesNoKernels();
    void refusedRenderIsNotPrepared();

private:
    std::string file(const QString& name) const { return dir_.filePath(name).toStdString(); }
    // A session on the stand-in models with content.png and style.png set.
    std::unique_ptr<Session> pairSession() const {
        return standinSession(file("content.png"), file("style.png"));
    }
    QTemporaryDir dir_;
};

void TestSession::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png"), makeContentPicture(70, 50)));
    QVERIFY(writePicture(file("content2.png"), makeContentPicture(64, 64)));
    QVERIFY(writePicture(file("style.png"), makeStylePicture(60, 40)));
    QVERIFY(writePicture(file("style2.png"), makeStylePicture(40, 60)));
}

void TestSession::sweepEqualsSeparateRuns() {
    const std::vector<std::pair<double, double>> sweep{
        {20, 0.15}, {0, 0.15}, {5, 0.15}, {50, 0.0}, {20, 0.6}};
    Session shared(standinModelFiles());
    shared.setContent(file("content.png"), 0);
    shared.setStyle(file("style.png"), 0);
    for (const auto& [beta, epsilon] : sweep) {
        const Image swept = shared.render(daAdain(beta, epsilon));

        Session separate(standinModelFiles());
        separate.setContent(file("content.png"), 0);
        separate.setStyle(file("style.png"), 0);
        const Image alone = separate.render(daAdain(beta, epsilon));
        QCOMPARE(cv::norm(swept.rgb, alone.rgb, cv::NORM_INF), 0.0);
    }
    const SessionCounters counted = shared.counters();
    QCOMPARE(counted.depthRuns, 1);
    QCOMPARE(counted.contentEncodings, 1);
    QCOMPARE(counted.styleEncodings, 1);
    QCOMPARE(counted.adainTargets, 1);
    QCOMPARE(counted.decodings, int(sweep.size()));
}

void TestSession::newStyleReencodesOnlyTheStyle() {
    const auto owned = pairSession();
    Session& session = *owned;
    const Image first = session.render(daAdain(20, 0.15));
    session.setStyle(file("style2.png"), 0);
    const Image second = session.render(daAdain(20, 0.15));
    QVERIFY(cv::norm(first.rgb, second.rgb, cv::NORM_INF) > 0.0);
    const SessionCounters counted = session.counters();
    QCOMPARE(counted.depthRuns, 1);
    QCOMPARE(counted.contentEncodings, 1);
    QCOMPARE(counted.styleEncodings, 2);
    QCOMPARE(counted.adainTargets, 2);
}

void TestSession::newContentRerunsDepthAndContent() {
    const auto owned = pairSession();
    Session& session = *owned;
    session.render(daAdain(20, 0.15));
    session.setContent(file("content2.png"), 0);
    const Image result = session.render(daAdain(20, 0.15));
    QCOMPARE(result.rgb.size(), cv::Size(64, 64));
    const SessionCounters counted = session.counters();
    QCOMPARE(counted.depthRuns, 2);
    QCOMPARE(counted.contentEncodings, 2);
    QCOMPARE(counted.styleEncodings, 1);
}

void TestSession::plainAdainComesFromTheSameCache() {
    const auto owned = pairSession();
    Session& session = *owned;
    session.render(daAdain(20, 0.15));
    session.render({StrengthSettings::adain(0.0)});
    session.render({StrengthSettings::adain(0.5)});
    const SessionCounters counted = session.counters();
    QCOMPARE(counted.contentEncodings, 1);
    QCOMPARE(counted.styleEncodings, 1);
    QCOMPARE(counted.adainTargets, 1);
    QCOMPARE(counted.decodings, 3);
}

void TestSession::progressNamesEveryStage() {
    const auto owned = pairSession();
    Session& session = *owned;
    std::vector<std::pair<Stage, double>> reports;
    Progress progress;
    progress.report = [&](Stage stage, double fraction) { reports.emplace_back(stage, fraction); };
    session.render(daAdain(20, 0.15), progress);
    for (Stage stage : {Stage::ContentEncoding, Stage::StyleEncoding, Stage::AdaIN, Stage::Depth,
                        Stage::StrengthMap, Stage::Decoding}) {
        const auto done = std::find(reports.begin(), reports.end(), std::make_pair(stage, 1.0));
        QVERIFY2(done != reports.end(), stageName(stage));
    }
    // The decoder reports at its start and after each stretch between
    // upsamplings (4 of them), rising to 1.
    std::vector<double> decoding;
    for (const auto& [stage, fraction] : reports) {
        if (stage == Stage::Decoding) {
            decoding.push_back(fraction);
        }
    }
    QVERIFY(decoding.size() >= 5);
    QVERIFY(std::is_sorted(decoding.begin(), decoding.end()));
    QCOMPARE(decoding.back(), 1.0);
}

void TestSession::cancelStopsAndKeepsCaches() {
    const auto owned = pairSession();
    Session& session = *owned;
    const Image expected = session.render(daAdain(20, 0.15));

    std::atomic<bool> cancel{false};
    Progress progress;
    progress.cancel = &cancel;
    progress.report = [&](Stage stage, double fraction) {
        if (stage == Stage::Decoding && fraction > 0.3) {
            cancel = true;
        }
    };
    try {
        session.render(daAdain(5, 0.3), progress);
        QFAIL("not cancelled");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::Cancelled);
        QVERIFY(QString(e.what()).contains("decoding"));
    }
    QCOMPARE(session.counters().decodings, 1);
    const Image again = session.render(daAdain(20, 0.15));
    QCOMPARE(cv::norm(again.rgb, expected.rgb, cv::NORM_INF), 0.0);
    QCOMPARE(session.counters().contentEncodings, 1);
}

void TestSession::failedInputKeepsPreviousState() {
    const auto owned = pairSession();
    Session& session = *owned;
    const Image before = session.render(daAdain(20, 0.15));
    QVERIFY(writePicture(file("tiny.png"), makeContentPicture(10, 10)));
    for (const std::string& bad : {file("missing.png"), file("tiny.png")}) {
        QVERIFY_THROWS_EXCEPTION(EngineError, session.setContent(bad, 0));
        QVERIFY_THROWS_EXCEPTION(EngineError, session.setStyle(bad, 0));
    }
    QVERIFY_THROWS_EXCEPTION(
        EngineError, session.setDepthSource({DepthSource::Kind::File, file("missing.png"), false}));
    const Image after = session.render(daAdain(20, 0.15));
    QCOMPARE(cv::norm(before.rgb, after.rgb, cv::NORM_INF), 0.0);
    QCOMPARE(session.counters().contentEncodings, 1);
    QCOMPARE(session.counters().depthRuns, 1);
}

void TestSession::distanceMapIsInverted() {
    cv::Mat distance = makeProximityPicture(70, 50);
    QVERIFY(writePicture(file("distance.tif"), distance));
    Session session(standinModelFiles());
    session.setContent(file("content.png"), 0);
    session.setDepthSource({DepthSource::Kind::File, file("distance.tif"), true});
    double maxDistance = 0;
    cv::minMaxLoc(distance, nullptr, &maxDistance);
    const cv::Mat expected = maxDistance - distance;
    QCOMPARE(cv::norm(session.proximity(), expected, cv::NORM_INF) < 1e-6, true);
    QCOMPARE(session.counters().depthRuns, 0);
}

void TestSession::missingDepthModelIsNamed() {
    ModelFiles files = standinModelFiles();
    files.depth = file("nowhere/model-small-traced.pt");
    Session session(files);
    session.setContent(file("content.png"), 0);
    session.setStyle(file("style.png"), 0);
    try {
        session.render(daAdain(20, 0.15));
        QFAIL("no error");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::ModelMissing);
        QVERIFY2(QString(e.what()).contains(QString::fromStdString(files.depth)), e.what());
    }
    // Plain AdaIN and a user's depth map need no MiDaS.
    session.render({StrengthSettings::adain(0.0)});
    QVERIFY(writePicture(file("near.png"), makeContentPicture(70, 50)));
    session.setDepthSource({DepthSource::Kind::File, file("near.png"), false});
    session.render(daAdain(20, 0.15));
}

void TestSession::renderWithoutImagesIsAnError() {
    Session session(standinModelFiles());
    try {
        session.render(daAdain(20, 0.15));
        QFAIL("no error");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
        QVERIFY(QString(e.what()).contains("no content image"));
    }
    session.setContent(file("content.png"), 0);
    QVERIFY_THROWS_EXCEPTION(EngineError, session.render(daAdain(-1, 0.15)));
    QVERIFY_THROWS_EXCEPTION(EngineError, session.render({StrengthSettings::adain(1.5)}));
}

void TestSession::stripesEqualWholeImage_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    // Odd heights end stripes at partial pool windows and odd upsampled
    // rows; a tall picture runs many stripes through every carried row.
    QTest::newRow("203x141") << 203 << 141;
    QTest::newRow("37x213") << 37 << 213;
    QTest::newRow("narrowest") << kMinImageSide << 131;
}

void TestSession::stripesEqualWholeImage() {
    QFETCH(int, width);
    QFETCH(int, height);
    QVERIFY(writePicture(file("striped.png"), makeContentPicture(width, height)));
    const auto run = [&](double budget) {
        setStripeBudgetBytes(budget);
        const auto session = standinSession(file("striped.png"), file("style.png"));
        std::vector<double> decoding;
        Progress progress;
        progress.report = [&](Stage stage, double fraction) {
            if (stage == Stage::Decoding) {
                decoding.push_back(fraction);
            }
        };
        Image result = session->render(daAdain(20, 0.15), progress);
        return std::make_pair(result, decoding.size());
    };
    const auto [whole, wholeReports] = run(1e12);     // one stripe per stretch
    const auto [striped, stripedReports] = run(1.0);  // 8-row stripes everywhere
    setStripeBudgetBytes(0);
    QVERIFY(stripedReports > wholeReports + height / 16);  // it really ran in stripes
    const double difference = cv::norm(whole.rgb, striped.rgb, cv::NORM_INF);
    qInfo("striped vs whole: max difference %.2e", difference);
    QVERIFY2(difference <= 1.0 / 255.0, qPrintable(QString::number(difference)));
}

namespace {

// This process's resident memory, as the engine reads it.
std::uint64_t residentBytes() {
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toULongLong() * 1024;
        }
    }
    return 0;
}

}  // namespace

void TestSession::memoryIsCheckedBeforeWork() {
    // The estimate grows with the content: features (512 floats per 8x8
    // block) and float pictures.
    const cv::Size style(512, 512);
    const std::uint64_t small = estimatedRenderBytes({1000, 750}, style);
    const std::uint64_t large = estimatedRenderBytes({4000, 3000}, style);
    QVERIFY(large > small);
    QVERIFY(large - small >= 59ull * (4000 * 3000 - 1000 * 750));  // about 60 bytes a pixel

    // A cap that leaves half the estimate: refused, naming the content, the
    // need, and the largest content size (in steps of 8) that fits.
    const cv::Size content(4000, 3000);
    const std::uint64_t needed = estimatedRenderBytes(content, style);
    qputenv("DEPTHSTYLE_MEMORY_LIMIT",
            QByteArray::number(qulonglong(residentBytes() + needed / 2)));
    const std::uint64_t available = availableMemoryBytes();
    QString message;
    try {
        requireMemoryForRender(content, style, "photo.png");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::OutOfMemory);
        message = QString::fromStdString(e.what());
    }
    QVERIFY2(message.startsWith("'photo.png': at 4000x3000 the render needs about " +
                                QString::fromStdString(memoryText(needed))),
             qPrintable(message));
    const QRegularExpressionMatch m =
        QRegularExpression("content size of at most (\\d+) pixels").match(message);
    QVERIFY2(m.hasMatch(), qPrintable(message));
    const int fits = m.captured(1).toInt();
    QCOMPARE(fits % 8, 0);
    const auto at = [&](int side) { return estimatedRenderBytes({side * 4 / 3, side}, style); };
    const std::uint64_t slack = 16ull << 20;  // resident memory moves a little between reads
    QVERIFY(at(fits) <= available + slack);
    QVERIFY(at(fits + 8) + slack > available);

    // A session refuses before encoding anything, and works again without the cap.
    auto session = standinSession(file("content.png"), file("style.png"));
    qputenv("DEPTHSTYLE_MEMORY_LIMIT", "1");
    try {
        session->render(RenderParams{});
        QFAIL("rendered under a 1-byte cap");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::OutOfMemory);
    }
    QCOMPARE(session->counters().contentEncodings, 0);
    qunsetenv("DEPTHSTYLE_MEMORY_LIMIT");
    QVERIFY(!session->render(RenderParams{}).empty());
    QCOMPARE(session->counters().contentEncodings, 1);
}

// The heap warmed for the run (depthstyle-cli touches it while LibTorch
// loads) is the render's to use, though the system counts it as taken; but
// only while nothing else has taken it.
void TestSession::warmedHeapCountsWhileFree() {
    noteWarmedHeapBytes(1);
    reusableWarmedHeapBytes();  // reads the maps, also under the sanitizers
    noteWarmedHeapBytes(0);
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator replaces the heap that the warm-up warms");
#endif
    tuneAllocatorOnce();
    const auto restore = qScopeGuard([] {
        qunsetenv("DEPTHSTYLE_MEMORY_LIMIT");
        noteWarmedHeapBytes(0);
    });
    const cv::Size content(2000, 1500);
    const cv::Size style(512, 512);
    const std::uint64_t needed = estimatedRenderBytes(content, style);
    const std::uint64_t nearly = needed - needed / 16;
    std::uint64_t whileWarming = 0;
    {
        const HeapWarmup warmup(needed);
        // Asked while the warm-up still touches its block: counted once free.
        whileWarming = reusableWarmedHeapBytes();
    }
    QCOMPARE(warmedHeapBytes(), needed);
    QVERIFY2(whileWarming >= nearly, qPrintable(QString::number(whileWarming)));
    QVERIFY(reusableWarmedHeapBytes() >= nearly);
    // The system has an eighth of the need left: with the warmed heap, it fits.
    qputenv("DEPTHSTYLE_MEMORY_LIMIT",
            QByteArray::number(qulonglong(residentBytes() + needed / 8)));
    requireMemoryForRender(content, style, "photo.png");
    {
        // Weights and pictures loaded after the warm-up take three quarters
        // of its memory (value-initialised: touched).
        const std::vector<std::vector<unsigned char>> loaded(
            3, std::vector<unsigned char>(needed / 4));
        QVERIFY2(reusableWarmedHeapBytes() < needed / 2 + needed / 8,
                 qPrintable(QString::number(reusableWarmedHeapBytes())));
        try {
            requireMemoryForRender(content, style, "photo.png");
            QFAIL("the warmed heap was counted after something else took it");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), ErrorKind::OutOfMemory);
        }
    }
    QVERIFY(reusableWarmedHeapBytes() >= nearly);
}

void TestSession::releasedContentPixelsChangeNothing() {
    auto keeping = pairSession();
    auto releasing = pairSession();
    releasing->releaseContentPixelsWhenEncoded(true);
    RenderParams params;
    const Image kept = keeping->render(params);
    const Image first = releasing->render(params);
    QVERIFY(releasing->content().rgb.empty());
    QCOMPARE(releasing->contentSize(), keeping->contentSize());
    QCOMPARE(cv::norm(first.rgb, kept.rgb, cv::NORM_INF), 0.0);
    // A sweep's next value decodes from the cached features and map.
    params.strength.beta = 3.0;
    QCOMPARE(cv::norm(releasing->render(params).rgb, keeping->render(params).rgb, cv::NORM_INF),
             0.0);
    QCOMPARE(releasing->counters().contentEncodings, 1);
    QVERIFY(!releasing->proximity().empty());
    // A new depth source needs the pixels: a clear error, not a crash.
    releasing->setDepthSource(DepthSource{});
    QVERIFY_THROWS_EXCEPTION(EngineError, releasing->proximity());
}

void TestSession::severalStylesReduceExactly() {
    const auto session = pairSession();
    const RenderParams single{StrengthSettings::daAdain(20.0, 0.15)};
    const Image alone = session->render(single);
    const Image otherStyle = loadImage(file("style2.png"));
    session->setStyleAt(1, otherStyle, 0, "style2.png");
    const int encodings = session->counters().styleEncodings;

    // Weights 1, 0: exactly the first style's result, the second not encoded.
    RenderParams mixed = single;
    mixed.styles = StyleMix{StyleMix::Kind::Weights, {1.0, 0.0}};
    QCOMPARE(cv::norm(session->render(mixed).rgb, alone.rgb, cv::NORM_INF), 0.0);
    QCOMPARE(session->counters().styleEncodings, encodings);
    // 0, 2: the second alone; it differs.
    mixed.styles.weights = {0.0, 2.0};
    const Image second = session->render(mixed);
    QVERIFY(cv::norm(second.rgb, alone.rgb, cv::NORM_INF) > 0.01);
    QCOMPARE(session->counters().styleEncodings, encodings + 1);
    // In between: a third picture.
    mixed.styles.weights = {0.5, 0.5};
    const Image half = session->render(mixed);
    QVERIFY(cv::norm(half.rgb, alone.rgb, cv::NORM_INF) > 0.001);
    QVERIFY(cv::norm(half.rgb, second.rgb, cv::NORM_INF) > 0.001);

    // Two identical styles: near/far and any weights give the single-style
    // result exactly.
    session->setStyleAt(1, loadImage(file("style.png")), 0, "style.png again");
    RenderParams nearFar = single;
    nearFar.styles = StyleMix{StyleMix::Kind::NearFar, {}};
    QCOMPARE(cv::norm(session->render(nearFar).rgb, alone.rgb, cv::NORM_INF), 0.0);
    mixed.styles.weights = {0.5, 0.5};
    QCOMPARE(cv::norm(session->render(mixed).rgb, alone.rgb, cv::NORM_INF), 0.0);
    // Near/far with two different styles: the far style where it is far.
    session->setStyleAt(1, otherStyle, 0, "style2.png");
    QVERIFY(cv::norm(session->render(nearFar).rgb, alone.rgb, cv::NORM_INF) > 0.01);
    // Back to one style: as at the start.
    session->setStyleCount(1);
    QCOMPARE(session->styleCount(), size_t(1));
    QCOMPARE(cv::norm(session->render(single).rgb, alone.rgb, cv::NORM_INF), 0.0);
}

void TestSession::styleMixNeedsItsStyles() {
    const auto session = pairSession();
    RenderParams params;
    params.styles = StyleMix{StyleMix::Kind::NearFar, {}};
    QVERIFY_THROWS_EXCEPTION(EngineError, session->render(params));  // one style only
    params.styles = StyleMix{StyleMix::Kind::Weights, {1.0, 1.0}};
    QVERIFY_THROWS_EXCEPTION(EngineError, session->render(params));
    params.styles = StyleMix{StyleMix::Kind::Weights, {0.0}};
    QVERIFY_THROWS_EXCEPTION(EngineError, session->render(params));  // sum 0
    params.styles = StyleMix{StyleMix::Kind::Weights, {-1.0}};
    QVERIFY_THROWS_EXCEPTION(EngineError, session->render(params));
}

void TestSession::preparedRenderMakesNoKernels_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("stripeBudget");
    QTest::addColumn<bool>("bfloat16");
    QTest::addColumn<bool>("nearFar");
    QTest::addColumn<bool>("recolour");
    QTest::newRow("whole layers") << 70 << 50 << 1e12 << false << false << false;
    // 8-row stripes: every layer meets first, carried and last stripes.
    QTest::newRow("stripes") << 203 << 141 << 1.0 << false << false << false;
    QTest::newRow("stripes, bfloat16 decoder") << 37 << 213 << 1.0 << true << false << false;
    QTest::newRow("near and far styles") << 90 << 77 << 1.0 << false << true << false;
    // Two styles loaded, the second weighted 0: it is never encoded, so
    // nothing is made for it; the style recoloured to the content's colours.
    QTest::newRow("unused style, recoloured") << 90 << 77 << 1.0 << false << false << true;
}

// prepareRender() makes every kernel the render then uses (its plan runs
// the stripes on shapes alone: a plan that went astray would leave the
// render to make some), and the render gives what an unprepared one does.
void TestSession::preparedRenderMakesNoKernels() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, stripeBudget);
    QFETCH(bool, bfloat16);
    QFETCH(bool, nearFar);
    QFETCH(bool, recolour);
    setStripeBudgetBytes(stripeBudget);
    const auto resetBudget = qScopeGuard([] { setStripeBudgetBytes(0); });
    QVERIFY(writePicture(file("prepared.png"), makeContentPicture(width, height)));
    RenderParams params = daAdain(20, 0.15);
    params.decoderPrecision = bfloat16 ? Precision::BFloat16 : Precision::Float32;
    if (nearFar) {
        params.styles.kind = StyleMix::Kind::NearFar;
    }
    if (recolour) {
        params.preserveColor = ColorPreservation::StyleToContent;
        params.styles.weights = {1.0, 0.0};
    }
    const auto render = [&](bool prepared, size_t* before, size_t* after) {
        const std::shared_ptr<const Models> models = Models::load(standinModelFiles());
        Session session(models);
        session.setContent(file("prepared.png"), 0);
        session.setStyle(file("style.png"), 0);
        if (nearFar || recolour) {
            session.setStyleAt(1, loadImage(file("style2.png")), 0, "style2.png");
        }
        if (prepared) {
            session.prepareRender(params);
        }
        *before = models->kernelsMade(params.decoderPrecision);
        Image result = session.render(params);
        *after = models->kernelsMade(params.decoderPrecision);
        if (prepared) {
            // A slider's re-decode: prepared again, nothing new to make.
            RenderParams next = params;
            next.strength.beta += 1.0;
            session.prepareRender(next);
            session.render(next);
            if (models->kernelsMade(params.decoderPrecision) != *after) {
                *after = 0;
            }
        }
        return result;
    };
    size_t prepared = 0;
    size_t afterPrepared = 0;
    const Image preparedResult = render(true, &prepared, &afterPrepared);
    size_t none = 0;
    size_t made = 0;
    const Image plainResult = render(false, &none, &made);
    QCOMPARE(none, size_t{0});
    QVERIFY(prepared > 0);
    QCOMPARE(afterPrepared, prepared);  // nothing left to make
    QCOMPARE(made, prepared);           // and nothing made that was not needed
    QCOMPARE(cv::norm(preparedResult.rgb, plainResult.rgb, cv::NORM_INF), 0.0);
}

// What render() refuses is not prepared: under a memory cap the render is
// refused before any work, prepared or not, and nothing was made for it.
void TestSession::refusedRenderIsNotPrepared() {
    const std::shared_ptr<const Models> models = Models::load(standinModelFiles());
    Session session(models);
    session.setContent(file("content.png"), 0);
    session.setStyle(file("style.png"), 0);
    qputenv("DEPTHSTYLE_MEMORY_LIMIT", "1");
    const auto uncap = qScopeGuard([] { qunsetenv("DEPTHSTYLE_MEMORY_LIMIT"); });
    session.prepareRender(daAdain(20, 0.15));
    QCOMPARE(models->kernelsMade(Precision::Float32), size_t{0});
    try {
        session.render(daAdain(20, 0.15));
        QFAIL("rendered under a 1-byte cap");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::OutOfMemory);
    }
    RenderParams invalid = daAdain(20, 0.15);
    invalid.styles.kind = StyleMix::Kind::NearFar;  // one style only
    qunsetenv("DEPTHSTYLE_MEMORY_LIMIT");
    session.prepareRender(invalid);
    QCOMPARE(models->kernelsMade(Precision::Float32), size_t{0});
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
