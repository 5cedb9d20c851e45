// The desktop app, headless: drops start a render, bad drops keep the state,
// slider bursts coalesce to the exact final result, export all and the
// sidecar, undo, and the model set-up panel.
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <opencv2/core.hpp>

#include "compare_pane.h"
#include "depthstyle/session.h"
#include "exporter.h"
#include "image_convert.h"
#include "image_pane.h"
#include "labeled_slider.h"
#include "main_window.h"
#include "parameter_panel.h"
#include "render_worker.h"
#include "strength_chart.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;
using depthstyle::ui::MainWindow;

namespace {

constexpr int kRenderTimeoutMs = 180000;

void dropFile(QWidget* target, const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

bool renderedFully(const MainWindow& w) {
    return w.idle() && w.exactGeneration() > 0 && w.exactGeneration() == w.latestGeneration();
}

}  // namespace

class TestApp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void missingModelsShowSetupPanel();
    void dropsStartARender();
    void droppedNonImageKeepsState();
    void sliderBurstEndsOnExactFinalResult();
    void exportAllAndSidecarRestore();
    void undoRestoresParameters();
    void fastDecodingRedecodesOnly();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    std::unique_ptr<MainWindow> renderedWindow();
    QTemporaryDir dir_;
};

void TestApp::initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, file("settings"));
    QCoreApplication::setOrganizationName("DepthStyleTests");
    QCoreApplication::setApplicationName("tst_app");
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(90, 60)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(64, 64)));
    QFile notes(file("notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("no pixels here");
}

void TestApp::init() {
    // Every test starts from the same small sizes, so renders are quick.
    QSettings settings;
    settings.clear();
    ui::UiParameters p;
    p.contentSize = 256;
    p.styleSize = 256;
    settings.setValue("parameters", p.toJson().toVariantMap());
}

std::unique_ptr<MainWindow> TestApp::renderedWindow() {
    auto window = std::make_unique<MainWindow>(standinModelDir());
    window->show();
    if (!window->openContent(file("content.png")) || !window->openStyle(file("style.png"))) {
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return renderedFully(*window); }, kRenderTimeoutMs)) {
        return nullptr;
    }
    return window;
}

void TestApp::missingModelsShowSetupPanel() {
    MainWindow window(file("no-models-here"));
    window.show();
    QVERIFY(window.showingModelSetup());
    const QString text = window.modelSetupText();
    QVERIFY2(text.contains("vgg_normalised.pth") && text.contains("decoder.pth") &&
                 text.contains("model-small-traced.pt"),
             qPrintable(text));
    QVERIFY(text.contains(file("no-models-here")));
    QVERIFY(text.contains("fetch-models.sh"));
}

void TestApp::dropsStartARender() {
    MainWindow window(standinModelDir());
    window.show();
    QVERIFY(!window.showingModelSetup());
    QVERIFY(window.windowTitle().startsWith("DepthStyle"));
    dropFile(window.contentPane(), file("content.png"));
    QVERIFY(!window.contentPane()->image().isNull());
    QCOMPARE(window.latestGeneration(), quint64(0));  // no style yet: nothing to render
    dropFile(window.stylePane(), file("style.png"));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(window), kRenderTimeoutMs);
    QCOMPARE(window.resultPane()->image().size(), QSize(384, 256));
    QVERIFY(!window.resultPane()->comparison().isNull());
    QVERIFY(!window.depthPane()->image().isNull());
    QVERIFY(!window.strengthPane()->image().isNull());
    QVERIFY(window.windowTitle().contains("content.png"));
}

void TestApp::droppedNonImageKeepsState() {
    auto window = renderedWindow();
    QVERIFY(window);
    const QImage before = window->contentPane()->image();
    const quint64 generation = window->latestGeneration();
    dropFile(window->contentPane(), file("notes.txt"));
    QVERIFY2(
        window->message().contains(file("notes.txt")) && window->message().contains("not an image"),
        qPrintable(window->message()));
    QCOMPARE(window->contentPane()->image(), before);
    QCOMPARE(window->latestGeneration(), generation);
    dropFile(window->stylePane(), file("missing.png"));
    QVERIFY(window->message().contains("no such file"));
    QCOMPARE(window->latestGeneration(), generation);
}

void TestApp::sliderBurstEndsOnExactFinalResult() {
    auto window = renderedWindow();
    QVERIFY(window);
    const int decodesBefore = window->worker()->counters().decodings;
    const int encodesBefore = window->worker()->counters().contentEncodings;
    QSlider* beta = window->parameterPanel()->betaSlider()->slider();
    QSlider* epsilon = window->parameterPanel()->epsilonSlider()->slider();
    for (int i = 0; i < 50; ++i) {
        (i % 2 == 0 ? beta : epsilon)->setValue(10 + i);
        QCoreApplication::processEvents();
    }
    const double finalBeta = window->parameterPanel()->betaSlider()->value();
    const double finalEpsilon = window->parameterPanel()->epsilonSlider()->value();
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const int decodes = window->worker()->counters().decodings - decodesBefore;
    qInfo("50 slider changes -> %d decodes", decodes);
    QVERIFY2(decodes <= 10, qPrintable(QString::number(decodes)));
    QCOMPARE(window->worker()->counters().contentEncodings, encodesBefore);

    Session direct(window->modelFiles());
    direct.setContent(file("content.png").toStdString(), 256);
    direct.setStyle(file("style.png").toStdString(), 256);
    const Image expected = direct.render({Method::DaAdain, {finalBeta, finalEpsilon}, 0.0});
    QCOMPARE(cv::norm(window->exactResult().rgb, expected.rgb, cv::NORM_INF), 0.0);
    QCOMPARE(window->resultPane()->image(), ui::toQImage(expected));
}

void TestApp::exportAllAndSidecarRestore() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(33.5);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const QString folder = file("export");
    QDir().mkpath(folder);
    QVERIFY2(window->exportAllTo(folder), qPrintable(window->message()));
    for (const char* name : {"result.png", "adain.png", "depth.png", "strength.png", "content.png",
                             "style.png", "depthstyle.json"}) {
        QVERIFY2(QFileInfo(QDir(folder).filePath(name)).size() > 0, name);
    }
    QFile result(QDir(folder).filePath("result.png"));
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QByteArray png = result.readAll();
    QVERIFY(png.contains("iTXt") && png.contains("\"beta\":33.5"));
    QFile sidecar(QDir(folder).filePath("depthstyle.json"));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QVERIFY(sidecar.readAll().contains(
        ui::sha256OfFile(window->modelFiles().decoder.c_str()).toLatin1()));

    window->parameterPanel()->betaSlider()->spinBox()->setValue(5.0);
    QCOMPARE(window->parameterPanel()->parameters().beta, 5.0);
    QVERIFY(window->loadParameters(QDir(folder).filePath("depthstyle.json")));
    QCOMPARE(window->parameterPanel()->parameters().beta, 33.5);
    QCOMPARE(window->parameterPanel()->parameters().contentSize, 256);
    QVERIFY(!window->loadParameters(file("notes.txt")));
    QVERIFY(window->message().contains("not a DepthStyle sidecar"));
}

void TestApp::undoRestoresParameters() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::LabeledSlider* beta = window->parameterPanel()->betaSlider();
    beta->slider()->setValue(60);  // 30.0: slider steps of 0.5
    beta->slider()->setValue(70);  // merges with the previous step
    QCOMPARE(beta->value(), 35.0);
    window->parameterPanel()->epsilonSlider()->spinBox()->setValue(0.4);
    window->undoStack()->undo();
    QCOMPARE(window->parameterPanel()->epsilonSlider()->value(), 0.15);
    window->undoStack()->undo();
    QCOMPARE(beta->value(), 20.0);
    window->undoStack()->redo();
    QCOMPARE(beta->value(), 35.0);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->chart()->curveAt(1.0), 0.85);
}

void TestApp::fastDecodingRedecodesOnly() {
    auto window = renderedWindow();
    QVERIFY(window);
    const SessionCounters before = window->worker()->counters();
    window->parameterPanel()->fastDecodingBox()->setChecked(true);
    QCOMPARE(window->parameterPanel()->parameters().renderParams().decoderPrecision,
             Precision::BFloat16);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->worker()->counters().contentEncodings, before.contentEncodings);
    QCOMPARE(window->worker()->counters().styleEncodings, before.styleEncodings);
    QVERIFY(window->worker()->counters().decodings > before.decodings);

    Session direct(window->modelFiles());
    direct.setContent(file("content.png").toStdString(), 256);
    direct.setStyle(file("style.png").toStdString(), 256);
    RenderParams fast;
    fast.decoderPrecision = Precision::BFloat16;
    QCOMPARE(cv::norm(window->exactResult().rgb, direct.render(fast).rgb, cv::NORM_INF), 0.0);

    // The choice travels in the sidecar and comes back with it.
    const QString folder = file("export-fast");
    QDir().mkpath(folder);
    QVERIFY2(window->exportAllTo(folder), qPrintable(window->message()));
    window->parameterPanel()->fastDecodingBox()->setChecked(false);
    QVERIFY(window->loadParameters(QDir(folder).filePath("depthstyle.json")));
    QVERIFY(window->parameterPanel()->fastDecodingBox()->isChecked());
    window->undoStack()->undo();
    QVERIFY(!window->parameterPanel()->fastDecodingBox()->isChecked());
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"
