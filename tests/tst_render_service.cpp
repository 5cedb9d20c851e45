// The app's render service without a window: the preview lane's latest
// request wins and cancels cleanly, and the export lane writes its jobs in
// order, each exactly its own document, also after a cancelled preview;
// measurements of the machine wait while either lane renders.
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <memory>
#include <opencv2/core.hpp>
#include <thread>

#include "depthstyle/image_io.h"
#include "depthstyle/preview_blend.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/strength_map.h"
#include "export_lane.h"
#include "image_convert.h"
#include "image_decoder.h"
#include "live_blender.h"
#include "preview_lane.h"
#include "render_activity.h"
#include "render_service.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;
using depthstyle::ui::ExportJob;
using depthstyle::ui::ExportOutcome;
using depthstyle::ui::PreviewResult;
using depthstyle::ui::RenderService;

namespace {

constexpr int kTimeoutMs = 180000;

doc::ImageInput input(const QString& path, quint64 id) {
    return {std::make_shared<const Image>(loadImage(path.toStdString())), path, id};
}

}  // namespace

class TestRenderService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void latestRequestWins();
    void cancelStopsWithoutAResult();
    void exportsRunInOrderEachWithItsDocument();
    void exportAfterCancelRendersItsDocument();
    void betaChangeDuringEncodeKeepsTheEncode();
    void hiddenComparisonIsSkippedThenRenderedAlone();
    void liveBlendIsTheBlendAtThePaneSize();
    void measurementsTakeTurnsWithTheLanes();
    void imageDecodesCountAsWork();

private:
    doc::Document document(double beta) const;
    QString file(const QString& name) const { return dir_.filePath(name); }
    QTemporaryDir dir_;
};

void TestRenderService::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(72, 48)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(40, 40)));
    // Large enough that its encode takes many progress steps.
    QVERIFY(writePicture(file("large.png").toStdString(), makeContentPicture(900, 600)));
}

doc::Document TestRenderService::document(double beta) const {
    doc::Document d;
    d.content = input(file("content.png"), 1);
    d.contentPath = file("content.png");
    d.style = input(file("style.png"), 2);
    d.parameters.contentSize = 0;
    d.parameters.styleSize = 0;
    d.parameters.beta = beta;
    return d;
}

void TestRenderService::latestRequestWins() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    QSignalSpy ready(&service, &RenderService::previewReady);
    quint64 last = 0;
    for (int i = 0; i < 6; ++i) {
        last = service.requestPreview(document(5.0 + i), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !ready.isEmpty() &&
            ready.constLast().at(0).value<PreviewResult>().request.generation == last,
        kTimeoutMs);
    const PreviewResult result = ready.constLast().at(0).value<PreviewResult>();
    QCOMPARE(result.request.document.parameters.beta, 10.0);
    // The first request may have started before the others came; the ones
    // between never ran.
    QVERIFY2(ready.size() <= 2, qPrintable(QString::number(ready.size())));
    QVERIFY(service.previewCounters().decodings <= 2 + 3);  // results, anchors, comparison

    const auto owned =
        standinSession(file("content.png").toStdString(), file("style.png").toStdString());
    Session& direct = *owned;
    const Image expected = direct.render({StrengthSettings::daAdain(10.0, 0.15)});
    QCOMPARE(cv::norm(result.result.rgb, expected.rgb, cv::NORM_INF), 0.0);
}

void TestRenderService::cancelStopsWithoutAResult() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    QSignalSpy ready(&service, &RenderService::previewReady);
    QSignalSpy cancelled(&service, &RenderService::previewCancelled);
    const quint64 generation = service.requestPreview(document(20.0), 0);
    service.cancelPreview();
    QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), kTimeoutMs);
    QCOMPARE(cancelled.constFirst().at(0).value<quint64>(), generation);
    QTest::qWait(200);
    QVERIFY(ready.isEmpty());
}

void TestRenderService::exportsRunInOrderEachWithItsDocument() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    QSignalSpy finished(&service, &RenderService::exportFinished);
    const double betas[] = {3.0, 30.0, 0.5};
    std::vector<quint64> ids;
    for (double beta : betas) {
        ExportJob job;
        job.kind = ui::ExportKind::Result;
        job.document = document(beta);
        job.target = file(QString("order-%1.png").arg(beta));
        ids.push_back(service.enqueueExport(job));
    }
    QCOMPARE(service.unfinishedExports(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kTimeoutMs);
    QCOMPARE(service.unfinishedExports(), 0);
    const auto owned =
        standinSession(file("content.png").toStdString(), file("style.png").toStdString());
    Session& direct = *owned;
    for (int i = 0; i < 3; ++i) {
        const ExportOutcome o = finished.at(i).at(0).value<ExportOutcome>();
        QCOMPARE(o.id, ids[i]);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(o.rendered);
        const Image written = loadImage(o.target.toStdString());
        const Image expected = direct.render({StrengthSettings::daAdain(betas[i], 0.15)});
        QVERIFY(cv::norm(written.rgb, expected.rgb, cv::NORM_INF) <= 0.51 / 255);
    }
}

void TestRenderService::exportAfterCancelRendersItsDocument() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    QSignalSpy finished(&service, &RenderService::exportFinished);
    QSignalSpy cancelled(&service, &RenderService::previewCancelled);
    service.requestPreview(document(8.0), 0);
    service.cancelPreview();
    ExportJob job;
    job.kind = ui::ExportKind::All;
    job.document = document(8.0);
    job.target = file("after-cancel");
    QDir().mkpath(job.target);
    job.models = standinModelFiles();
    service.enqueueExport(job);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    const ExportOutcome o = finished.constFirst().at(0).value<ExportOutcome>();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.written.size(), 7);
    QFile sidecar(QDir(job.target).filePath("depthstyle.json"));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QVERIFY(sidecar.readAll().contains("\"beta\": 8"));
}

void TestRenderService::betaChangeDuringEncodeKeepsTheEncode() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    doc::Document first = document(20.0);
    first.content = input(file("large.png"), 7);
    first.contentPath = file("large.png");
    doc::Document second = first;
    second.parameters.beta = 35.0;
    second.parameters.epsilon = 0.3;

    const quint64 firstGeneration = service.requestPreview(first, 0);
    quint64 secondGeneration = 0;
    bool encodedAfterChange = false;  // the change came while the encode ran
    connect(&service, &RenderService::previewProgressed, this,
            [&](quint64 generation, int stage, double fraction) {
                if (static_cast<Stage>(stage) != Stage::ContentEncoding ||
                    generation != firstGeneration) {
                    return;
                }
                if (secondGeneration == 0 && fraction < 0.5) {
                    secondGeneration = service.requestPreview(second, 0);
                } else if (secondGeneration != 0 && fraction > 0.5) {
                    encodedAfterChange = true;
                }
            });
    QSignalSpy ready(&service, &RenderService::previewReady);
    QTRY_VERIFY_WITH_TIMEOUT(
        secondGeneration != 0 && !ready.isEmpty() &&
            ready.constLast().at(0).value<PreviewResult>().request.generation == secondGeneration,
        kTimeoutMs);
    QVERIFY2(encodedAfterChange, "the change came after the content encode");
    QCOMPARE(service.previewCounters().contentEncodings, 1);
    QCOMPARE(service.previewCounters().styleEncodings, 1);
    QCOMPARE(service.previewCounters().depthRuns, 1);

    const auto owned =
        standinSession(file("large.png").toStdString(), file("style.png").toStdString());
    const Image expected = owned->render({StrengthSettings::daAdain(35.0, 0.3)});
    const PreviewResult result = ready.constLast().at(0).value<PreviewResult>();
    QCOMPARE(cv::norm(result.result.rgb, expected.rgb, cv::NORM_INF), 0.0);
}

void TestRenderService::hiddenComparisonIsSkippedThenRenderedAlone() {
    RenderService service;
    service.setModelFiles(standinModelFiles());
    QSignalSpy plain(&service, &RenderService::plainReady);
    QSignalSpy done(&service, &RenderService::previewFinished);
    doc::Document d = document(12.0);
    d.parameters.matchedStrength = true;  // the comparison needs its own decode
    const quint64 hidden = service.requestPreview(d, 0, false);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kTimeoutMs);
    QCOMPARE(done.constFirst().at(0).value<quint64>(), hidden);
    QVERIFY(plain.isEmpty());
    const SessionCounters before = service.previewCounters();
    QCOMPARE(before.decodings, 3);  // the result and the two preview anchors

    // The wipe is shown: the same document again renders the comparison only.
    const quint64 shown = service.requestPreview(d, 0, true);
    QTRY_VERIFY_WITH_TIMEOUT(done.size() == 2, kTimeoutMs);
    QCOMPARE(plain.size(), 1);
    QCOMPARE(plain.constFirst().at(0).value<ui::PlainResult>().request.generation, shown);
    QCOMPARE(service.previewCounters().decodings, before.decodings + 1);
}

void TestRenderService::liveBlendIsTheBlendAtThePaneSize() {
    // A 320x200 picture, anchors at that size, drawn at 160x100.
    const cv::Size picture(320, 200);
    Image style;
    Image content;
    style.rgb = cv::Mat(picture, CV_32FC3, cv::Scalar(0.1, 0.2, 0.9));
    content.rgb = cv::Mat(picture, CV_32FC3, cv::Scalar(0.8, 0.6, 0.1));
    cv::Mat proximity(picture, CV_32FC1);
    cv::randu(proximity, 0.0f, 1.0f);
    const cv::Mat grid = proximityOnFeatureGrid(proximity);
    ui::LiveBlendRequest request;
    request.generation = 7;
    request.settings = StrengthSettings::daAdain(20.0, 0.15);
    request.proximity = proximity;
    request.picture = picture;
    request.proxyStyle = style;
    request.proxyContent = content;
    request.target = cv::Size(160, 100);

    ui::LiveBlender blender;
    QSignalSpy blended(&blender, &ui::LiveBlender::blended);
    blender.submit(request);
    QTRY_COMPARE_WITH_TIMEOUT(blended.size(), 1, kTimeoutMs);
    const auto blend = blended.constFirst().at(0).value<ui::LiveBlend>();
    QCOMPARE(blend.generation, quint64(7));
    QCOMPARE(blend.result.size(), QSize(160, 100));
    QCOMPARE(blend.strength.size(), QSize(160, 100));

    const cv::Mat strength = strengthMap(grid, request.settings);
    Image smallStyle;
    Image smallContent;
    smallStyle.rgb = cv::Mat(request.target, CV_32FC3, cv::Scalar(0.1, 0.2, 0.9));
    smallContent.rgb = cv::Mat(request.target, CV_32FC3, cv::Scalar(0.8, 0.6, 0.1));
    const QImage expected = ui::toQImage(previewBlend(smallStyle, smallContent, strength, picture));
    QCOMPARE(blend.result, expected);
    QCOMPARE(blend.strength,
             ui::unitMapToQImage(strengthMapAtImageSize(strength, picture, request.target)));

    // Without anchors: the strength map only.
    request.generation = 8;
    request.proxyStyle = Image();
    request.proxyContent = Image();
    blender.submit(request);
    QTRY_COMPARE_WITH_TIMEOUT(blended.size(), 2, kTimeoutMs);
    const auto mapOnly = blended.constLast().at(0).value<ui::LiveBlend>();
    QVERIFY(mapOnly.result.isNull());
    QCOMPARE(mapOnly.strength, blend.strength);
    QVERIFY(mapOnly.depth.isNull());  // the levels did not change

    // Levels and a focus: the map Algorithm 1 reads is redrawn, and P is
    // the engine's from the adjusted proximity.
    request.generation = 9;
    request.settings.levels = DepthLevels{0.2, 0.9, 2.0, true};
    request.settings.focus = cv::Point2d(0.3, 0.6);
    blender.submit(request);
    QTRY_COMPARE_WITH_TIMEOUT(blended.size(), 3, kTimeoutMs);
    const auto levelled = blended.constLast().at(0).value<ui::LiveBlend>();
    const cv::Mat adjusted = adjustedProximity(proximity, request.settings.levels, nullptr);
    const cv::Mat expectedStrength =
        strengthMap(proximityOnFeatureGrid(adjusted), request.settings, picture);
    QCOMPARE(levelled.strength, ui::unitMapToQImage(strengthMapAtImageSize(
                                    expectedStrength, picture, request.target)));
    QVERIFY(!levelled.depth.isNull());
    QCOMPARE(cv::norm(levelled.gridProximity, proximityOnFeatureGrid(adjusted), cv::NORM_INF), 0.0);
}

// The lanes mark what they render (each lane alone, so that one's mark
// cannot hide another's), and a measurement's turns follow them: a step
// waits while a render runs and for a quiet moment after it, one
// measurement step runs at a time, a render during a step disturbs it, and
// a stop ends the wait.
void TestRenderService::measurementsTakeTurnsWithTheLanes() {
    // Before the service: the lanes' direct connections use them.
    int signalled = 0;
    int unmarked = 0;  // lane signals from outside a marked render
    std::atomic<bool> stop{false};
    std::unique_ptr<ui::RenderActivity::Rendering> held;
    std::thread measurement;
    RenderService service;
    service.setModelFiles(standinModelFiles());
    const std::shared_ptr<ui::RenderActivity> activity = service.activity();
    const auto cleanUp = qScopeGuard([&] {
        stop = true;
        held.reset();
        if (measurement.joinable()) {
            measurement.join();
        }
    });
    auto* previewLane = service.findChild<ui::PreviewLane*>();
    auto* exportLane = service.findChild<ui::ExportLane*>();
    QVERIFY(previewLane && exportLane);
    // The lanes' own signals, direct: on the lane's thread, inside its work.
    const auto check = [&] {
        ++signalled;
        unmarked += activity->rendering() ? 0 : 1;
    };
    connect(previewLane, &ui::PreviewLane::progressed, this, check, Qt::DirectConnection);
    connect(previewLane, &ui::PreviewLane::variationReady, this, check, Qt::DirectConnection);
    connect(exportLane, &ui::ExportLane::progressed, this, check, Qt::DirectConnection);
    const quint64 startedBefore = activity->rendersStarted();
    QSignalSpy finished(&service, &RenderService::previewFinished);
    service.requestPreview(document(6.0), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!activity->rendering(), kTimeoutMs);
    QVERIFY(signalled > 0);
    const int previewSignals = signalled;
    QSignalSpy cells(&service, &RenderService::variationReady);
    ui::VariationsRequest variations;
    variations.id = 1;
    variations.document = document(6.0);
    variations.cells = {{3.0, 0.1}, {9.0, 0.2}};
    variations.cellSide = 64;
    service.requestVariations(variations);
    QTRY_COMPARE_WITH_TIMEOUT(cells.size(), 2, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!activity->rendering(), kTimeoutMs);
    QVERIFY(signalled >= previewSignals + 2);
    const int cellSignals = signalled;
    QSignalSpy exported(&service, &RenderService::exportFinished);
    ExportJob job;
    job.kind = ui::ExportKind::Result;
    job.document = document(12.0);
    job.target = file("turns.png");
    service.enqueueExport(job);
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!activity->rendering(), kTimeoutMs);
    QVERIFY(signalled > cellSignals);
    QCOMPARE(unmarked, 0);
    QCOMPARE(activity->rendersStarted(), startedBefore + 4);  // the preview, two cells, the export

    const MeasurementTurns turns = ui::measurementTurns(activity, stop);
    const MeasurementTurns other = ui::measurementTurns(activity, stop);
    QVERIFY(turns.await());
    QVERIFY(!turns.disturbed());
    // One measurement step at a time: the other waits for the turn.
    std::atomic<int> awaited{-1};
    // A measurement waiting for its turn on a thread of its own: 1 when it
    // got it, 0 when stopped.
    const auto awaitOnThread = [&](const MeasurementTurns& waiting) {
        awaited = -1;
        measurement = std::thread([&] { awaited = waiting.await() ? 1 : 0; });
    };
    awaitOnThread(other);
    QTRY_COMPARE(activity->waitingMeasurements(), 1);
    QTest::qWait(100);
    QCOMPARE(awaited.load(), -1);
    turns.release();
    measurement.join();
    QCOMPARE(awaited.load(), 1);
    other.release();
    // A render since the turn came disturbs the step; the next turn comes
    // a quiet moment after it (a lower bound: the wait is at least that).
    QVERIFY(turns.await());
    QElapsedTimer sinceRender;
    { const ui::RenderActivity::Rendering quick(*activity); }
    sinceRender.start();
    QVERIFY(turns.disturbed());
    turns.release();
    QVERIFY(turns.await());
    QVERIFY(sinceRender.elapsed() >= ui::RenderActivity::kQuietAfterRender.count() - 1);
    QVERIFY(!turns.disturbed());
    turns.release();
    // A render running: the step waits until it ends.
    held = std::make_unique<ui::RenderActivity::Rendering>(*activity);
    QVERIFY(turns.disturbed());
    awaitOnThread(turns);
    QTRY_COMPARE(activity->waitingMeasurements(), 1);
    QTest::qWait(200);
    QCOMPARE(awaited.load(), -1);
    held.reset();
    measurement.join();
    QCOMPARE(awaited.load(), 1);
    QCOMPARE(activity->waitingMeasurements(), 0);
    QVERIFY(!turns.disturbed());
    turns.release();
    // Told to stop while waiting: nothing taken.
    held = std::make_unique<ui::RenderActivity::Rendering>(*activity);
    awaitOnThread(turns);
    QTRY_COMPARE(activity->waitingMeasurements(), 1);
    stop = true;
    measurement.join();
    QCOMPARE(awaited.load(), 0);
}

// The app's image decodes (a 12 MP photo takes a while) are work a
// measurement waits for, as renders are; a failed decode too.
void TestRenderService::imageDecodesCountAsWork() {
    const auto activity = std::make_shared<ui::RenderActivity>();
    ui::ImageDecoder decoder(activity);
    QSignalSpy decoded(&decoder, &ui::ImageDecoder::decoded);
    decoder.decodeFile(1, file("large.png"), 0);
    decoder.decodeFile(2, file("missing.png"), 0);
    decoder.checkDepthMap(3, file("content.png"));
    QVERIFY(decoder.waitForIdle(kTimeoutMs));
    QCOMPARE(decoded.size(), 3);
    QVERIFY(decoded.at(0).at(0).value<ui::DecodedImage>().ok());
    QVERIFY(!decoded.at(1).at(0).value<ui::DecodedImage>().ok());
    QCOMPARE(activity->rendersStarted(), quint64(3));
    QVERIFY(!activity->rendering());
    ui::ImageDecoder alone;  // no activity: decodes all the same
    QSignalSpy aloneDecoded(&alone, &ui::ImageDecoder::decoded);
    alone.decodeFile(1, file("content.png"), 0);
    QVERIFY(alone.waitForIdle(kTimeoutMs));
    QVERIFY(aloneDecoded.constFirst().at(0).value<ui::DecodedImage>().ok());
    QCOMPARE(activity->rendersStarted(), quint64(3));
}

QTEST_GUILESS_MAIN(TestRenderService)
#include "tst_render_service.moc"
