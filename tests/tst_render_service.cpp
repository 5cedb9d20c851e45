// The app's render service without a window: the preview lane's latest
// request wins and cancels cleanly, and the export lane writes its jobs in
// order, each exactly its own document, also after a cancelled preview.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "depthstyle/image_io.h"
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

private:
    doc::Document document(double beta) const;
    QString file(const QString& name) const { return dir_.filePath(name); }
    QTemporaryDir dir_;
};

void TestRenderService::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(72, 48)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(40, 40)));
}

doc::Document TestRenderService::document(double beta) const {
    doc::Document d;
    d.content = input(file("content.png"), 1);
    d.style = input(file("style.png"), 2);
    d.contentPath = file("content.png");
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

QTEST_GUILESS_MAIN(TestRenderService)
#include "tst_render_service.moc"
