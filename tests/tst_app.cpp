// The desktop app, headless: drops start a render, bad drops keep the state,
// slider bursts coalesce to the exact final result, export all and the
// sidecar, undo, and the model set-up panel.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "brush_panel.h"
#include "compare_pane.h"
#include "decoder_speed_advisor.h"
#include "depth_levels_bar.h"
#include "depthstyle/decoder_speed.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/paint_layer.h"
#include "depthstyle/session.h"
#include "depthstyle/stripe_tuning.h"
#include "depthstyle/threads.h"
#include "depthstyle/tiling.h"
#include "document_controller.h"
#include "error_text.h"
#include "export_controller.h"
#include "file_hash.h"
#include "image_convert.h"
#include "image_pane.h"
#include "input_loader.h"
#include "labeled_slider.h"
#include "main_window.h"
#include "parameter_panel.h"
#include "preset_actions.h"
#include "recent_places.h"
#include "render_activity.h"
#include "render_service.h"
#include "result_presenter.h"
#include "sidecar.h"
#include "strength_chart.h"
#include "stripe_tuner.h"
#include "styles_panel.h"
#include "synthetic_images.h"
#include "test_env.h"
#include "user_presets.h"
#include "work_opener.h"

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

// Images decode off the window's thread: waits until the loads are done.
bool loaded(MainWindow& w) {
    return w.inputLoader().waitForLoads(kRenderTimeoutMs);
}

// A render held open on `activity` for a test, ended by release() or, at
// the latest, after `limit`: a check that would otherwise wait for ever
// (a measurement that does not stop) fails instead.
class HeldRender {
public:
    HeldRender(ui::RenderActivity& activity, std::chrono::seconds limit)
        : rendering_(std::make_unique<ui::RenderActivity::Rendering>(activity)),
          watchdog_([this, limit] {
              std::unique_lock<std::mutex> lock(mutex_);
              released_.wait_for(lock, limit, [this] { return rendering_ == nullptr; });
              rendering_.reset();
          }) {}
    ~HeldRender() {
        release();
        watchdog_.join();
    }
    HeldRender(const HeldRender&) = delete;
    HeldRender& operator=(const HeldRender&) = delete;

    void release() {
        const std::lock_guard<std::mutex> lock(mutex_);
        rendering_.reset();
        released_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable released_;
    std::unique_ptr<ui::RenderActivity::Rendering> rendering_;
    std::thread watchdog_;
};

// Stripe tuning on for one test; the tests' own setting (off, the default
// budget, the shared cache folder) comes back after it.
class StripeTuningOn {
public:
    StripeTuningOn() : previousCache_(qgetenv("XDG_CACHE_HOME")) {
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "1");
    }
    ~StripeTuningOn() {
        qputenv("XDG_CACHE_HOME", previousCache_);
        qputenv("DEPTHSTYLE_STRIPE_TUNING", "0");
        setStripeBudgetBytes(0);
    }
    StripeTuningOn(const StripeTuningOn&) = delete;
    StripeTuningOn& operator=(const StripeTuningOn&) = delete;

private:
    QByteArray previousCache_;
};

bool renderedFully(const MainWindow& w) {
    const ui::ResultPresenter& p = w.presenter();
    return p.status() == ui::ResultPresenter::Status::Idle && p.exact() &&
           p.exact()->request.generation == p.latestGeneration();
}

const Image& exactResult(const MainWindow& w) {
    return w.presenter().exact()->result;
}

// Queues an export and waits for the lane to finish it.
ui::ExportOutcome waitForExport(MainWindow& w, quint64 id) {
    QSignalSpy spy(&w.exporter(), &ui::ExportController::exportFinished);
    ui::ExportOutcome outcome;
    if (id == 0) {
        outcome.error = "not queued";
        return outcome;
    }
    const bool done = QTest::qWaitFor(
        [&] {
            for (const QList<QVariant>& args : spy) {
                const auto o = args.at(0).value<ui::ExportOutcome>();
                if (o.id == id) {
                    outcome = o;
                    return true;
                }
            }
            return false;
        },
        kRenderTimeoutMs);
    if (!done) {
        outcome.error = "the export did not finish";
    }
    return outcome;
}

}  // namespace

class TestApp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void missingModelsShowSetupPanel();
    void focusClickIsOneUndoableStep();
    void depthLevelsAreLiveAndTravelInTheSidecar();
    void paintedLayersLoadAndExport();
    void preservedColoursAreAStepAndTravel();
    void brushStrokesAreStepsAndReproduce();
    void brushScreenshot();
    void styleListMixesAndTravels();
    void userPresetsSaveApplyAndImport();
    void compareWithThePhotoAndTheLastExport();
    void savedWorkOpensWhole();
    void dropsStartARender();
    void fastDecodingSaysWhatItMeasured();
    void stripeSizeRememberedOrMeasuredAfterTheFirstResult();
    void stripeMeasurementWaitsForRendersAndStopsOnClose();
    void droppedNonImageKeepsState();
    void sliderBurstEndsOnExactFinalResult();
    void exportAllAndSidecarRestore();
    void undoRestoresParameters();
    void fastDecodingRedecodesOnly();
    void exportAfterCancelWritesItsDocument();
    void matchedStrengthReachesTheComparison();
    void cliReproducesAnExportFromItsSidecar();
    void presetMenuSetsTheSliders();
    void imagesDecodeOffTheWindowThreadNewestWins();
    void hiddenComparisonRendersWhenShown();
    void zoomedInPaneDrawsTheFullPicture();
    void undoStepsReadAsWords();
    void windowShortcutsWinInNumberBoxes();
    void exportSizeQuestionNamesTheSizes();
    void slidersAndChartTitlesKeepTheirRoom();
    void paneTagsNeverOverlap();
    void windowTitleNamesThePicture();
    void newContentLeavesTheOldDepthMap();
    void depthMapOfAnotherShapeIsRefused();
    void chartFollowsSlidersBeforeAnyImage();
    void stalePanesAreMarkedAndFailuresClear();
    void plainModeSaysWhatItCompares();
    void sideBySideFitsBothHalves();
    void wipeTagsNeverOverlap();
    void recentFilesAreAbsoluteAndExisting();
    void picturesConvertWithTheirColoursAndAlpha();
    void exportAfterUndoOfAnImageWritesThatState();
    void zoomKeysSpaceDragAndLinkedZoom();
    void fullResolutionExportScalesTheStyleAlike();
    void exportsCanBeCancelled();
    void errorsReadInRussian();
    void escapeOnTheMenuBarCancelsTheRender();
    void depthMapIsCheckedAgainstThePhotoItLandsOn();
    void aFailedLoadStaysSaidWhileAnotherSucceeds();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    std::unique_ptr<MainWindow> renderedWindow();
    // The engine on the window's inputs at the tests' sizes, without the app.
    std::unique_ptr<Session> directSession() const {
        return standinSession(file("content.png").toStdString(), file("style.png").toStdString(),
                              256, 256);
    }
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
    doc::Parameters p;
    p.contentSize = 256;
    p.styleSize = 256;
    settings.setValue("parameters", p.toJson().toVariantMap());
}

std::unique_ptr<MainWindow> TestApp::renderedWindow() {
    auto window = std::make_unique<MainWindow>(standinModelDir());
    window->show();
    window->openContent(file("content.png"));
    window->openStyle(file("style.png"));
    if (!loaded(*window) || !window->message().isEmpty()) {
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return renderedFully(*window); }, kRenderTimeoutMs)) {
        return nullptr;
    }
    return window;
}

void TestApp::focusClickIsOneUndoableStep() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::ComparePane* result = window->parts().result;
    const QRectF picture = result->imageRect(result->rect(), result->pictureSize());
    // Left of the wipe divider (which a click near it would move).
    const QPoint at =
        (picture.topLeft() + QPointF(picture.width() * 0.2, picture.height() * 0.7)).toPoint();
    QTest::mouseClick(result, Qt::LeftButton, Qt::NoModifier, at);
    const auto& focus = window->document().document().parameters.focus;
    QVERIFY(focus);
    QVERIFY(std::abs(focus->x - 0.2) < 0.02 && std::abs(focus->y - 0.7) < 0.02);
    QCOMPARE(window->document().undoStack()->undoText(), QString("Set Focus"));
    QVERIFY(window->parts().depth->marker().has_value());
    QVERIFY(window->parameterPanel()->levelsBar()->clearFocusButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const auto owned = directSession();
    StrengthSettings s = StrengthSettings::daAdain(20.0, 0.15);
    s.focus = focus;
    QCOMPARE(cv::norm(window->presenter().exact()->strength, owned->strengthMap({s}), cv::NORM_INF),
             0.0);
    QCOMPARE(cv::norm(exactResult(*window).rgb, owned->render({s}).rgb, cv::NORM_INF), 0.0);
    QVERIFY(std::abs(window->parts().chart->markerProximity() - 0.5) > 1e-9 ||
            window->parts().chart->curveAt(window->parts().chart->markerProximity()) >= 0.5);

    // A drag pans: no focus change.
    const int steps = window->document().undoStack()->count();
    QTest::mousePress(result, Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseMove(result, at + QPoint(30, 10));
    QTest::mouseRelease(result, Qt::LeftButton, Qt::NoModifier, at + QPoint(30, 10));
    QCOMPARE(window->document().undoStack()->count(), steps);

    // Alt+click clears; undo brings the focus back.
    QTest::mouseClick(result, Qt::LeftButton, Qt::AltModifier, at);
    QVERIFY(!window->document().document().parameters.focus);
    QCOMPARE(window->document().undoStack()->undoText(), QString("Clear Focus"));
    QVERIFY(!window->parts().depth->marker());
    window->document().undoStack()->undo();
    QCOMPARE(window->document().document().parameters.focus, focus);
    // The button clears it too.
    window->parameterPanel()->levelsBar()->clearFocusButton()->click();
    QVERIFY(!window->document().document().parameters.focus);
}

void TestApp::depthLevelsAreLiveAndTravelInTheSidecar() {
    auto window = renderedWindow();
    QVERIFY(window);
    const QImage depthBefore = window->parts().depth->image();
    ui::DepthLevelsBar* bar = window->parameterPanel()->levelsBar();
    bar->blackSlider()->spinBox()->setValue(0.3);
    bar->blackSlider()->spinBox()->setValue(0.35);  // one step with the previous
    bar->gammaSlider()->spinBox()->setValue(2.0);
    bar->invertBox()->setChecked(true);
    const DepthLevels expected{0.35, 1.0, 2.0, true};
    QCOMPARE(window->document().document().parameters.depthLevels, expected);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const auto owned = directSession();
    StrengthSettings s = StrengthSettings::daAdain(20.0, 0.15);
    s.levels = expected;
    QCOMPARE(cv::norm(window->presenter().exact()->strength, owned->strengthMap({s}), cv::NORM_INF),
             0.0);
    QVERIFY(window->parts().depth->image() != depthBefore);  // the map Algorithm 1 reads

    // Three undo steps: invert, gamma, black (0 -> 0.35 in one).
    QUndoStack* undo = window->document().undoStack();
    QCOMPARE(undo->undoText(), QString("Invert depth on"));
    undo->undo();
    undo->undo();
    QCOMPARE(undo->undoText(), QString("Depth black point 0 → 0.35"));
    undo->redo();
    undo->redo();

    const QString folder = file("export-levels");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const doc::Sidecar sidecar = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));
    QCOMPARE(sidecar.parameters.depthLevels, expected);
    // The exported depth map is the one Algorithm 1 read.
    const cv::Mat exported =
        cv::imread(QDir(folder).filePath("depth.png").toStdString(), cv::IMREAD_UNCHANGED);
    cv::Mat levelled;
    cv::normalize(owned->adjustedProximity(s), levelled, 0, 65535, cv::NORM_MINMAX, CV_16U);
    QVERIFY(cv::norm(exported, levelled, cv::NORM_INF) <= 1.0);
    bar->invertBox()->setChecked(false);
    QVERIFY(window->exporter().loadParameters(QDir(folder).filePath("depthstyle.json")));
    QVERIFY(bar->invertBox()->isChecked());
    QCOMPARE(bar->blackSlider()->value(), 0.35);
}

void TestApp::paintedLayersLoadAndExport() {
    auto window = renderedWindow();
    QVERIFY(window);
    // A sidecar naming two layers beside it, at another size than the content.
    const QString set = file("layers-set");
    QDir().mkpath(set);
    PaintLayer layer = transparentLayer(cv::Size(45, 30));
    layer.grey.colRange(0, 20).setTo(1.0);
    layer.alpha.colRange(0, 20).setTo(1.0);
    savePaintLayer(QDir(set).filePath("edit.png").toStdString(), layer);
    savePaintLayer(QDir(set).filePath("keep.png").toStdString(), layer);
    doc::Parameters p = window->document().document().parameters;
    p.depthEditPath = "edit.png";
    p.strengthOverridePath = "keep.png";
    QFile json(QDir(set).filePath("depthstyle.json"));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(QJsonDocument(QJsonObject{{"parameters", p.toJson()}}).toJson());
    json.close();
    const int stepsBefore = window->document().undoStack()->count();
    QVERIFY(window->exporter().loadParameters(json.fileName()));
    // The layers read off the window's thread; the parameters apply then.
    QVERIFY(window->exporter().waitForLoads(kRenderTimeoutMs));
    QCOMPARE(window->document().undoStack()->count(), stepsBefore + 1);
    const doc::Parameters& loadedParameters = window->document().document().parameters;
    QVERIFY(loadedParameters.depthEdit && loadedParameters.strengthOverride);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    // The left third keeps the content: P is 1 there, past the cap.
    const cv::Mat strength = window->presenter().exact()->strength;
    QCOMPARE(strength.at<float>(5, 0), 1.0f);
    const auto owned = directSession();
    QCOMPARE(cv::norm(strength, owned->strengthMap(loadedParameters.renderParams()), cv::NORM_INF),
             0.0);

    const QString folder = file("export-layers");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(outcome.written.contains(QDir(folder).filePath("depth-edit.png")));
    QVERIFY(outcome.written.contains(QDir(folder).filePath("strength-override.png")));
    const doc::Sidecar back = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));
    QCOMPARE(back.parameters.strengthOverridePath, QDir(folder).filePath("strength-override.png"));
    // Written as held (its own 45x30; the engine resizes it to the content),
    // and read back exactly.
    const PaintLayer written = loadPaintLayer(back.parameters.strengthOverridePath.toStdString());
    QCOMPARE(written.size(), cv::Size(45, 30));
    QCOMPARE(cv::norm(written.alpha, loadedParameters.strengthOverride->alpha, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(written.grey, loadedParameters.strengthOverride->grey, cv::NORM_INF), 0.0);

    // A bad layer file is named and nothing changes.
    QFile::remove(QDir(set).filePath("keep.png"));
    QFile(QDir(set).filePath("keep.png")).open(QIODevice::WriteOnly);
    const doc::Parameters before = window->document().document().parameters;
    QVERIFY(window->exporter().loadParameters(json.fileName()));  // the sidecar reads
    QVERIFY(window->exporter().waitForLoads(kRenderTimeoutMs));
    QVERIFY2(window->message().contains("keep.png"), qPrintable(window->message()));
    QCOMPARE(window->document().document().parameters, before);
    // A new photo drops the focus and the layers (they belong to the old one).
    window->openContent(file("style.png"));
    QVERIFY(loaded(*window));
    QVERIFY(!window->document().document().parameters.strengthOverride);
}

void TestApp::preservedColoursAreAStepAndTravel() {
    auto window = renderedWindow();
    QVERIFY(window);
    QComboBox* colours = window->parameterPanel()->preserveColorCombo();
    colours->setCurrentIndex(colours->findData(int(ColorPreservation::Luminance)));
    QCOMPARE(window->document().document().parameters.preserveColor, ColorPreservation::Luminance);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const auto owned = directSession();
    RenderParams params;
    params.preserveColor = ColorPreservation::Luminance;
    QCOMPARE(cv::norm(exactResult(*window).rgb, owned->render(params).rgb, cv::NORM_INF), 0.0);
    // The comparison keeps the photo's colours too (like with like).
    QTRY_VERIFY_WITH_TIMEOUT(window->presenter().plainFor(window->document().document()),
                             kRenderTimeoutMs);
    RenderParams plain{StrengthSettings::adain(0.0), Precision::Float32,
                       ColorPreservation::Luminance};
    QCOMPARE(cv::norm(window->presenter().plainFor(window->document().document())->plain.rgb,
                      owned->render(plain).rgb, cv::NORM_INF),
             0.0);
    QCOMPARE(window->document().undoStack()->undoText(),
             QString("Colours style's colours → photo's colours"));
    const QString folder = file("export-colours");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    window->document().undoStack()->undo();
    QCOMPARE(colours->currentData().toInt(), int(ColorPreservation::None));
    QVERIFY(window->exporter().loadParameters(QDir(folder).filePath("depthstyle.json")));
    QCOMPARE(colours->currentData().toInt(), int(ColorPreservation::Luminance));
}

namespace {

// A drag across `pane` from (x0, y) to (x1, y), as fractions of its picture.
void dragAcross(ui::ImagePane* pane, double x0, double x1, double y) {
    const QRectF r = pane->pictureRect();
    const auto at = [&](double x) {
        return (r.topLeft() + QPointF(r.width() * x, r.height() * y)).toPoint();
    };
    QTest::mousePress(pane, Qt::LeftButton, Qt::NoModifier, at(x0));
    for (int i = 1; i <= 8; ++i) {
        QTest::mouseMove(pane, at(x0 + (x1 - x0) * i / 8.0));
    }
    QTest::mouseRelease(pane, Qt::LeftButton, Qt::NoModifier, at(x1));
}

}  // namespace

void TestApp::brushStrokesAreStepsAndReproduce() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::BrushPanel* brush = window->brushPanel();
    QUndoStack* undo = window->document().undoStack();
    // Off: a drag pans, nothing is painted.
    const int stepsBefore = undo->count();
    dragAcross(window->parts().strength, 0.1, 0.9, 0.5);
    QCOMPARE(undo->count(), stepsBefore);
    QVERIFY(!window->document().document().parameters.strengthOverride);

    // White across the middle of the strength map: one step, P 1 there.
    brush->setMode(ui::BrushMode::White);
    brush->sizeSlider()->setValue(48);
    brush->hardnessSlider()->setValue(1.0);
    window->parts().strength->fitToWindow();
    dragAcross(window->parts().strength, 0.05, 0.95, 0.5);
    QCOMPARE(undo->count(), stepsBefore + 1);
    QCOMPARE(undo->undoText(), QString("Paint Strength"));
    QVERIFY(window->document().document().parameters.strengthOverride);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const cv::Mat painted = window->presenter().exact()->strength.clone();
    QCOMPARE(painted.at<float>(16, 24), 1.0f);  // the centre of 384x256: cell (24, 16)
    QVERIFY(painted.at<float>(1, 24) < 0.99f);  // far above the stroke: Algorithm 1's P
    // The result is the engine's with that layer.
    const auto owned = directSession();
    const doc::Parameters p = window->document().document().parameters;
    QCOMPARE(cv::norm(exactResult(*window).rgb, owned->render(p.renderParams()).rgb, cv::NORM_INF),
             0.0);

    // The eraser is its own step; undo goes back to the painted layer.
    brush->setMode(ui::BrushMode::Eraser);
    dragAcross(window->parts().strength, 0.05, 0.95, 0.5);
    QCOMPARE(undo->count(), stepsBefore + 2);
    QCOMPARE(undo->undoText(), QString("Erase Strength Paint"));
    undo->undo();
    QCOMPARE(window->document().document().parameters.strengthOverride, p.strengthOverride);

    // Black on the depth pane paints the depth edit (farther there).
    brush->setMode(ui::BrushMode::Black);
    dragAcross(window->parts().depth, 0.1, 0.4, 0.3);
    QCOMPARE(undo->undoText(), QString("Paint Depth"));
    QVERIFY(window->document().document().parameters.depthEdit);
    brush->setMode(ui::BrushMode::Off);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);

    // Export all writes both layers; the CLI with the sidecar reproduces
    // the exported result bit for bit.
    const QString folder = file("export-brush");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const ProcessResult cli = runProcess(
        cliExecutable(),
        {"--models", standinModelDir(), "--params", QDir(folder).filePath("depthstyle.json"),
         "--output", file("brush-cli.png"), "--threads", "2"},
        120000);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const cv::Mat exported =
        cv::imread(QDir(folder).filePath("result.png").toStdString(), cv::IMREAD_UNCHANGED);
    const cv::Mat again = cv::imread(file("brush-cli.png").toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(cv::norm(exported, again, cv::NORM_INF), 0.0);
}

void TestApp::styleListMixesAndTravels() {
    auto window = renderedWindow();
    QVERIFY(window);
    QVERIFY(writePicture(file("style-two.png").toStdString(), makeContentPicture(70, 70)));
    QUndoStack* undo = window->document().undoStack();
    window->inputLoader().open(file("style-two.png"), ui::ImageRole::AddedStyle);
    QVERIFY(loaded(*window));
    const doc::Document& d = window->document().document();
    QCOMPARE(d.styleCount(), size_t(2));
    QCOMPARE(d.parameters.styleMix.weights, (std::vector<double>{1.0, 1.0}));
    QCOMPARE(undo->undoText(), QString("Add Style style-two.png"));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const auto owned = directSession();
    owned->setStyleAt(1, loadImage(file("style-two.png").toStdString()), 256, "two");
    const auto expect = [&](const StyleMix& mix) {
        RenderParams params;
        params.styles = mix;
        return owned->render(params);
    };
    QCOMPARE(cv::norm(exactResult(*window).rgb, expect({StyleMix::Kind::Weights, {1, 1}}).rgb,
                      cv::NORM_INF),
             0.0);
    // The style pane shows both, side by side.
    const QImage strip = window->parts().style->image();
    QVERIFY2(strip.width() > strip.height() * 1.5, qPrintable(QString::number(strip.width())));

    // A weight, then near and far: each a step, each the engine's result.
    window->stylesPanel()->weightBox(0)->setValue(3.0);
    QCOMPARE(d.parameters.styleMix.weights, (std::vector<double>{3.0, 1.0}));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(cv::norm(exactResult(*window).rgb, expect({StyleMix::Kind::Weights, {3, 1}}).rgb,
                      cv::NORM_INF),
             0.0);
    QComboBox* mix = window->stylesPanel()->mixCombo();
    mix->setCurrentIndex(mix->findData(int(StyleMix::Kind::NearFar)));
    QCOMPARE(d.parameters.styleMix.kind, StyleMix::Kind::NearFar);
    QCOMPARE(undo->undoText(), QString("Style mix by weight → near and far"));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(
        cv::norm(exactResult(*window).rgb, expect({StyleMix::Kind::NearFar, {}}).rgb, cv::NORM_INF),
        0.0);

    // Export all names both styles; the CLI reproduces the result exactly.
    const QString folder = file("export-styles");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const doc::Sidecar sidecar = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));
    QCOMPARE(sidecar.moreStylePaths, QStringList{file("style-two.png")});
    QCOMPARE(sidecar.parameters.styleMix.kind, StyleMix::Kind::NearFar);
    const ProcessResult cli = runProcess(
        cliExecutable(),
        {"--models", standinModelDir(), "--params", QDir(folder).filePath("depthstyle.json"),
         "--output", file("styles-cli.png"), "--threads", "2"},
        120000);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QCOMPARE(
        cv::norm(
            cv::imread(QDir(folder).filePath("result.png").toStdString(), cv::IMREAD_UNCHANGED),
            cv::imread(file("styles-cli.png").toStdString(), cv::IMREAD_UNCHANGED), cv::NORM_INF),
        0.0);

    // Removing a style is a step; near and far go back to one style alone.
    window->stylesPanel()->removeButton(1)->click();
    QCOMPARE(d.styleCount(), size_t(1));
    QCOMPARE(d.parameters.styleMix, StyleMix{});
    QCOMPARE(undo->undoText(), QString("Remove Style style-two.png"));
    undo->undo();
    QCOMPARE(window->document().document().styleCount(), size_t(2));
    QCOMPARE(window->document().document().parameters.styleMix.kind, StyleMix::Kind::NearFar);
}

void TestApp::userPresetsSaveApplyAndImport() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(44.0);
    window->parameterPanel()->levelsBar()->invertBox()->setChecked(true);
    QVERIFY(window->presetActions().saveCurrentAs("Inverted 44"));
    window->parameterPanel()->betaSlider()->spinBox()->setValue(10.0);
    window->parameterPanel()->levelsBar()->invertBox()->setChecked(false);
    QVERIFY(window->presetActions().apply("Inverted 44"));
    QCOMPARE(window->document().document().parameters.beta, 44.0);
    QVERIFY(window->document().document().parameters.depthLevels.invert);
    QCOMPARE(window->document().undoStack()->undoText(), QString("Apply Preset Inverted 44"));
    QCOMPARE(window->parameterPanel()->betaSlider()->value(), 44.0);
    // Listed in Edit > Presets when the menu opens.
    const QAction* save = window->findChild<QAction*>("preset-save");
    QVERIFY(save);
    QMenu* presets = qobject_cast<QMenu*>(save->parent());
    QVERIFY(presets);
    Q_EMIT presets->aboutToShow();
    bool listed = false;
    for (QAction* action : presets->actions()) {
        listed = listed || action->text() == "Inverted 44";
    }
    QVERIFY(listed);
    // Imported from an exported sidecar, named after its folder.
    const QString folder = file("Blue hour");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(window->presetActions().importFrom(QDir(folder).filePath("depthstyle.json")));
    QVERIFY(doc::userPresetByName("Blue hour"));
    QVERIFY(!window->presetActions().importFrom(file("notes.txt")));
    window->presetActions().remove("Inverted 44");
    QVERIFY(!doc::userPresetByName("Inverted 44"));
}

void TestApp::compareWithThePhotoAndTheLastExport() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::ComparePane* pane = window->parts().result;
    QTRY_VERIFY_WITH_TIMEOUT(!pane->comparison().isNull(), kRenderTimeoutMs);  // plain AdaIN
    const QImage plain = pane->comparison();
    // The photo as stylized.
    window->findChild<QAction*>("compare-photo")->trigger();
    QCOMPARE(pane->comparison(), window->presenter().exact()->display.content);
    QCOMPARE(pane->comparisonLabel(), QString("Photo"));
    // It follows the document: another beta keeps the photo, new label.
    window->parameterPanel()->betaSlider()->spinBox()->setValue(31.0);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(pane->comparison(), window->presenter().exact()->display.content);
    QVERIFY(pane->resultLabel().contains("31"));

    // The last export: nothing before one, then the picture written.
    window->findChild<QAction*>("compare-export")->trigger();
    QVERIFY(pane->comparison().isNull());
    pane->setMode(ui::ComparePane::Mode::Wipe);
    QCOMPARE(pane->missingNote(), QString("No export yet to compare with"));  // says why
    const QImage exportedLook = window->presenter().exact()->display.result;
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportResultTo(file("compare-me.png")));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QTRY_COMPARE(pane->comparison(), exportedLook);
    QCOMPARE(pane->comparisonLabel(), QString("Export compare-me.png"));
    window->parameterPanel()->betaSlider()->spinBox()->setValue(60.0);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(pane->comparison(), exportedLook);  // the export, not the new result
    QVERIFY(pane->image() != exportedLook);
    QVERIFY(pane->missingNote().isEmpty());
    // A photo of another shape: the export cannot be laid over it, and the
    // pane says why.
    QVERIFY(writePicture(file("wide-photo.png").toStdString(), makeContentPicture(120, 40)));
    window->openContent(file("wide-photo.png"));
    QVERIFY(loaded(*window));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(pane->missingNote(),
             QString("The last export, compare-me.png, is of another picture"));

    // Back to plain AdaIN: rendered again for this document.
    window->findChild<QAction*>("compare-plain")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->presenter().plainFor(window->document().document()),
                             kRenderTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->comparison().isNull(), kRenderTimeoutMs);
    QVERIFY(pane->comparisonLabel().startsWith("AdaIN"));
    Q_UNUSED(plain);
}

void TestApp::savedWorkOpensWhole() {
    // Work with everything: two styles, levels, a focus and a painted layer.
    QVERIFY(QFile::copy(file("content.png"), file("work-photo.png")));
    QVERIFY(writePicture(file("work-style2.png").toStdString(), makeContentPicture(60, 80)));
    auto first = std::make_unique<MainWindow>(standinModelDir());
    first->show();
    first->openContent(file("work-photo.png"));
    first->openStyle(file("style.png"));
    QVERIFY(loaded(*first));
    first->inputLoader().open(file("work-style2.png"), ui::ImageRole::AddedStyle);
    QVERIFY(loaded(*first));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*first), kRenderTimeoutMs);  // panes to paint on
    first->parameterPanel()->levelsBar()->gammaSlider()->spinBox()->setValue(1.5);
    first->brushPanel()->setMode(ui::BrushMode::Black);
    dragAcross(first->parts().strength, 0.2, 0.8, 0.4);
    first->brushPanel()->setMode(ui::BrushMode::Off);
    QVERIFY(first->document().document().parameters.strengthOverride);
    QTest::mouseClick(first->parts().depth, Qt::LeftButton, Qt::NoModifier,
                      first->parts().depth->pictureRect().center().toPoint());
    QVERIFY(first->document().document().parameters.focus);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*first), kRenderTimeoutMs);
    const QString set = file("My work");
    QDir().mkpath(set);
    const ui::ExportOutcome saved = waitForExport(*first, first->exporter().exportAllTo(set));
    QVERIFY2(saved.error.isEmpty(), qPrintable(saved.error));
    QVERIFY(QFileInfo::exists(QDir(set).filePath("style-2.png")));
    const doc::Document& before = first->document().document();

    // A new window opens it whole, as one step, and renders the same picture.
    MainWindow second(standinModelDir());
    second.show();
    QVERIFY(second.workOpener().open(set));
    QVERIFY(second.workOpener().waitForOpen(kRenderTimeoutMs));
    const doc::Document& d = second.document().document();
    QCOMPARE(d.styleCount(), size_t(2));
    QCOMPARE(d.contentPath, file("work-photo.png"));
    QCOMPARE(d.moreStylePaths, QStringList{file("work-style2.png")});
    QCOMPARE(d.parameters.depthLevels, before.parameters.depthLevels);
    QCOMPARE(d.parameters.focus, before.parameters.focus);
    QCOMPARE(d.parameters.styleMix, before.parameters.styleMix);
    QVERIFY(d.parameters.strengthOverride);
    QCOMPARE(second.document().undoStack()->undoText(), QString("Open Work My work"));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(second), kRenderTimeoutMs);
    QCOMPARE(cv::norm(exactResult(second).rgb, exactResult(*first).rgb, cv::NORM_INF), 0.0);

    // The originals gone: the set's own pictures as used stand in.
    QVERIFY(QFile::remove(file("work-photo.png")));
    QVERIFY(QFile::remove(file("work-style2.png")));
    MainWindow third(standinModelDir());
    third.show();
    QVERIFY(third.workOpener().open(QDir(set).filePath("depthstyle.json")));
    QVERIFY(third.workOpener().waitForOpen(kRenderTimeoutMs));
    QCOMPARE(third.document().document().contentPath, QDir(set).filePath("content.png"));
    QCOMPARE(third.document().document().moreStylePaths,
             QStringList{QDir(set).filePath("style-2.png")});
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(third), kRenderTimeoutMs);

    // A set whose picture is broken: named, and nothing changes.
    QFile broken(QDir(set).filePath("content.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("not a picture");
    broken.close();
    const quint64 shownBefore = third.document().document().content.id;
    QVERIFY(third.workOpener().open(set));
    third.workOpener().waitForOpen(kRenderTimeoutMs);
    QVERIFY2(third.message().contains("content.png"), qPrintable(third.message()));
    QCOMPARE(third.document().document().content.id, shownBefore);
    QVERIFY(!third.workOpener().open(file("no-such-set")));
}

// Not a check: packaging/screenshot.sh runs it to make the README's picture
// of the brush at work (real strokes through the mouse, on the pictures and
// models it names). Skipped otherwise.
void TestApp::brushScreenshot() {
    const QString out = qEnvironmentVariable("DEPTHSTYLE_BRUSH_SCREENSHOT");
    if (out.isEmpty()) {
        QSKIP("DEPTHSTYLE_BRUSH_SCREENSHOT is not set");
    }
    MainWindow window(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_MODELS"));
    window.resize(1500, 900);
    window.show();
    window.openContent(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_CONTENT"));
    window.openStyle(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_STYLE"));
    QVERIFY(loaded(window));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(window), kRenderTimeoutMs);
    ui::BrushPanel* brush = window.brushPanel();
    brush->sizeSlider()->setValue(70);
    brush->hardnessSlider()->setValue(0.3);
    brush->setMode(ui::BrushMode::Black);
    dragAcross(window.parts().strength, 0.6, 0.95, 0.75);  // full style on the near ground
    brush->setMode(ui::BrushMode::White);
    dragAcross(window.parts().result, 0.1, 0.45, 0.3);  // keep the far sky's content
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(window), kRenderTimeoutMs);
    QVERIFY(window.grab().save(out));
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
    QCOMPARE(window.windowTitle(), QApplication::applicationDisplayName());
    dropFile(window.parts().content, file("content.png"));
    QVERIFY(loaded(window));
    QVERIFY(!window.parts().content->image().isNull());
    QCOMPARE(window.presenter().latestGeneration(), quint64(0));  // no style yet: nothing to render
    dropFile(window.parts().style, file("style.png"));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(window), kRenderTimeoutMs);
    QCOMPARE(window.parts().result->image().size(), QSize(384, 256));
    QVERIFY(!window.parts().result->comparison().isNull());
    QVERIFY(!window.parts().depth->image().isNull());
    QVERIFY(!window.parts().strength->image().isNull());
    QCOMPARE(window.windowTitle(), QString("content.png"));
}

// Fast decoding states what bfloat16 measured on this processor: a
// remembered measurement where it is slower makes the app advise against
// it; without one, turning it on measures (off the window's thread) and
// remembers the result.
void TestApp::fastDecodingSaysWhatItMeasured() {
    const QByteArray previousCache = qgetenv("XDG_CACHE_HOME");
    const auto restore = qScopeGuard([&] { qputenv("XDG_CACHE_HOME", previousCache); });
    qputenv("XDG_CACHE_HOME", file("cache-slower").toLocal8Bit());
    rememberDecoderSpeed(decoderSpeedCacheFile(),
                         {processorName(), computeThreads(), 0.10, 0.20});  // 0.5x
    {
        MainWindow window(standinModelDir());
        window.show();
        QCheckBox* fast = window.parameterPanel()->fastDecodingBox();
        QVERIFY2(fast->accessibleDescription().contains("0.50x") &&
                     fast->accessibleDescription().contains("not recommended"),
                 qPrintable(fast->accessibleDescription()));
        fast->click();
        QVERIFY2(window.message().contains("not faster on this processor") &&
                     window.message().contains("0.50x"),
                 qPrintable(window.message()));
        QVERIFY(!window.decoderSpeedAdvisor().measuring());  // remembered: not measured again
    }
    qputenv("XDG_CACHE_HOME", file("cache-empty").toLocal8Bit());
    QVERIFY(!rememberedDecoderSpeed());
    MainWindow window(standinModelDir());
    window.show();
    QCheckBox* fast = window.parameterPanel()->fastDecodingBox();
    QVERIFY(fast->accessibleDescription().contains("measures it the first time"));
    fast->click();
    QVERIFY(window.decoderSpeedAdvisor().measuring());
    QTRY_VERIFY_WITH_TIMEOUT(window.decoderSpeedAdvisor().speed().has_value(), kRenderTimeoutMs);
    QVERIFY(rememberedDecoderSpeed());  // in the cache for the next start
    QVERIFY2(fast->accessibleDescription().contains("Measured on this processor"),
             qPrintable(fast->accessibleDescription()));
    // The measurement waits while the app renders, and closing stops it.
    qputenv("XDG_CACHE_HOME", file("cache-empty-closed").toLocal8Bit());
    auto closing = std::make_unique<MainWindow>(standinModelDir());
    const std::shared_ptr<ui::RenderActivity> activity = closing->renderService().activity();
    const HeldRender held(*activity, std::chrono::seconds(60));
    closing->show();
    closing->parameterPanel()->fastDecodingBox()->click();
    QTRY_COMPARE_WITH_TIMEOUT(activity->waitingMeasurements(), 1, kRenderTimeoutMs);
    QVERIFY(closing->decoderSpeedAdvisor().measuring());
    closing.reset();  // stops the measurement (else remembered once the held render ends)
    QCOMPARE(activity->waitingMeasurements(), 0);
    QVERIFY(!rememberedDecoderSpeed());
}

// The app renders with this processor's stripe size: the remembered one
// at once; without one, measured off the window's thread once the first
// result is shown, then remembered and used.
void TestApp::stripeSizeRememberedOrMeasuredAfterTheFirstResult() {
    const StripeTuningOn tuning;
    qputenv("XDG_CACHE_HOME", file("cache-stripes").toLocal8Bit());
    rememberStripeBudget(stripeBudgetCacheFile(),
                         {processorName(), computeThreads(), {0.5, 1.0, 1.0}});  // 12 MiB
    {
        MainWindow window(standinModelDir());
        QCOMPARE(stripeBudgetBytes(), 12.0 * 1024 * 1024);
    }
    setStripeBudgetBytes(0);
    qputenv("XDG_CACHE_HOME", file("cache-stripes-empty").toLocal8Bit());
    QVERIFY(!rememberedStripeBudget());
    auto window = renderedWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(rememberedStripeBudget().has_value(), kRenderTimeoutMs);
    QVERIFY(window->stripeTuner().waitForIdle(kRenderTimeoutMs));
    QCOMPARE(stripeBudgetBytes(), rememberedStripeBudget()->chosenMiB() * 1024 * 1024);
}

// The stripe measurement after the first result never runs beside a
// render: it waits while one runs (here, one held open), goes on once none
// does, and closing the window stops it, with nothing remembered.
void TestApp::stripeMeasurementWaitsForRendersAndStopsOnClose() {
    const StripeTuningOn tuning;
    for (const bool close : {false, true}) {
        qputenv("XDG_CACHE_HOME", file(close ? "cache-turns-close" : "cache-turns").toLocal8Bit());
        QVERIFY(!rememberedStripeBudget());
        auto window = std::make_unique<MainWindow>(standinModelDir());
        const std::shared_ptr<ui::RenderActivity> activity = window->renderService().activity();
        HeldRender held(*activity, std::chrono::seconds(60));
        window->show();
        window->openContent(file("content.png"));
        window->openStyle(file("style.png"));
        QVERIFY(loaded(*window));
        QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(activity->waitingMeasurements(), 1, kRenderTimeoutMs);
        QTest::qWait(200);
        QCOMPARE(activity->waitingMeasurements(), 1);  // still waiting for its turn
        QVERIFY(window->stripeTuner().measuring());
        QVERIFY(!rememberedStripeBudget());
        if (close) {
            // Returns at once, the waiting measurement stopped (were it not,
            // the held render would end after a minute and it would be
            // remembered).
            window.reset();
            QVERIFY(!rememberedStripeBudget());
        } else {
            held.release();
            QVERIFY(window->stripeTuner().waitForIdle(kRenderTimeoutMs));
            QVERIFY(rememberedStripeBudget());
        }
    }
}

void TestApp::droppedNonImageKeepsState() {
    auto window = renderedWindow();
    QVERIFY(window);
    const QImage before = window->parts().content->image();
    const quint64 generation = window->presenter().latestGeneration();
    dropFile(window->parts().content, file("notes.txt"));
    QVERIFY(loaded(*window));
    QVERIFY2(
        window->message().contains(file("notes.txt")) && window->message().contains("not an image"),
        qPrintable(window->message()));
    QCOMPARE(window->parts().content->image(), before);
    QCOMPARE(window->presenter().latestGeneration(), generation);
    dropFile(window->parts().style, file("missing.png"));
    QVERIFY(loaded(*window));
    QVERIFY(window->message().contains("no such file"));
    QCOMPARE(window->presenter().latestGeneration(), generation);
}

void TestApp::sliderBurstEndsOnExactFinalResult() {
    auto window = renderedWindow();
    QVERIFY(window);
    const int decodesBefore = window->renderService().previewCounters().decodings;
    const int encodesBefore = window->renderService().previewCounters().contentEncodings;
    QSlider* beta = window->parameterPanel()->betaSlider()->slider();
    QSlider* epsilon = window->parameterPanel()->epsilonSlider()->slider();
    for (int i = 0; i < 50; ++i) {
        (i % 2 == 0 ? beta : epsilon)->setValue(10 + i);
        QCoreApplication::processEvents();
    }
    const double finalBeta = window->parameterPanel()->betaSlider()->value();
    const double finalEpsilon = window->parameterPanel()->epsilonSlider()->value();
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const int decodes = window->renderService().previewCounters().decodings - decodesBefore;
    qInfo("50 slider changes -> %d decodes", decodes);
    QVERIFY2(decodes <= 10, qPrintable(QString::number(decodes)));
    QCOMPARE(window->renderService().previewCounters().contentEncodings, encodesBefore);

    const auto owned = directSession();
    Session& direct = *owned;
    const Image expected = direct.render({StrengthSettings::daAdain(finalBeta, finalEpsilon)});
    QCOMPARE(cv::norm(exactResult(*window).rgb, expected.rgb, cv::NORM_INF), 0.0);
    QCOMPARE(window->parts().result->image(), ui::toQImage(expected));
}

void TestApp::exportAllAndSidecarRestore() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(33.5);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const QString folder = file("export");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(!outcome.rendered);  // the picture on screen was this document
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
        doc::sha256OfFile(window->modelFiles().decoder.c_str()).toLatin1()));

    window->parameterPanel()->betaSlider()->spinBox()->setValue(5.0);
    QCOMPARE(window->parameterPanel()->parameters().beta, 5.0);
    QVERIFY(window->exporter().loadParameters(QDir(folder).filePath("depthstyle.json")));
    QCOMPARE(window->parameterPanel()->parameters().beta, 33.5);
    QCOMPARE(window->parameterPanel()->parameters().contentSize, 256);
    QVERIFY(!window->exporter().loadParameters(file("notes.txt")));
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
    window->document().undoStack()->undo();
    QCOMPARE(window->parameterPanel()->epsilonSlider()->value(), 0.15);
    window->document().undoStack()->undo();
    QCOMPARE(beta->value(), 20.0);
    window->document().undoStack()->redo();
    QCOMPARE(beta->value(), 35.0);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->parts().chart->curveAt(1.0), 0.85);
}

void TestApp::fastDecodingRedecodesOnly() {
    auto window = renderedWindow();
    QVERIFY(window);
    const SessionCounters before = window->renderService().previewCounters();
    window->parameterPanel()->fastDecodingBox()->setChecked(true);
    QCOMPARE(window->parameterPanel()->parameters().renderParams().decoderPrecision,
             Precision::BFloat16);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->renderService().previewCounters().contentEncodings, before.contentEncodings);
    QCOMPARE(window->renderService().previewCounters().styleEncodings, before.styleEncodings);
    QVERIFY(window->renderService().previewCounters().decodings > before.decodings);

    const auto owned = directSession();
    Session& direct = *owned;
    RenderParams fast;
    fast.decoderPrecision = Precision::BFloat16;
    QCOMPARE(cv::norm(exactResult(*window).rgb, direct.render(fast).rgb, cv::NORM_INF), 0.0);

    // The choice travels in the sidecar and comes back with it.
    const QString folder = file("export-fast");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    window->parameterPanel()->fastDecodingBox()->setChecked(false);
    QVERIFY(window->exporter().loadParameters(QDir(folder).filePath("depthstyle.json")));
    QVERIFY(window->parameterPanel()->fastDecodingBox()->isChecked());
    window->document().undoStack()->undo();
    QVERIFY(!window->parameterPanel()->fastDecodingBox()->isChecked());
}

void TestApp::exportAfterCancelWritesItsDocument() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(42.0);
    window->parts().cancel->click();  // Esc: the render of beta 42 stops
    const QString out = file("after-cancel.png");
    const quint64 id = window->exporter().exportResultTo(out);
    // Edits after the export was asked for do not reach it.
    window->parameterPanel()->betaSlider()->spinBox()->setValue(7.0);
    const ui::ExportOutcome outcome = waitForExport(*window, id);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QFile png(out);
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray bytes = png.readAll();
    QVERIFY(bytes.contains("\"beta\":42"));

    const auto owned = directSession();
    Session& direct = *owned;
    const Image expected = direct.render({StrengthSettings::daAdain(42.0, 0.15)});
    const Image written = loadImage(out.toStdString());
    QVERIFY(cv::norm(written.rgb, expected.rgb, cv::NORM_INF) <= 0.51 / 255);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
}

void TestApp::matchedStrengthReachesTheComparison() {
    auto window = renderedWindow();
    QVERIFY(window);
    doc::Parameters p = window->document().document().parameters;
    p.matchedStrength = true;
    window->document().changeParameters(p, ui::ParameterControl::MatchedStrength);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const QString folder = file("export-matched");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const doc::Sidecar sidecar = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));

    const auto owned = directSession();
    Session& direct = *owned;
    const double meanP = cv::mean(direct.strengthMap(p.renderParams()))[0];
    QVERIFY(std::abs(meanP - 0.5) > 1e-3);  // the old fallback would show
    QVERIFY2(std::abs(sidecar.plainAdainAlpha - meanP) < 1e-6,
             qPrintable(QString("%1 != %2").arg(sidecar.plainAdainAlpha).arg(meanP)));
    const Image expected = direct.render({StrengthSettings::adain(meanP)});
    const Image adain = loadImage(QDir(folder).filePath("adain.png").toStdString());
    QVERIFY(cv::norm(adain.rgb, expected.rgb, cv::NORM_INF) <= 0.51 / 255);
}

void TestApp::cliReproducesAnExportFromItsSidecar() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(12.5);
    window->parameterPanel()->epsilonSlider()->spinBox()->setValue(0.3);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    const QString folder = file("export-for-cli");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const QString again = file("from-sidecar.png");
    const ProcessResult cli =
        runProcess(cliExecutable(), {"--models", standinModelDir(), "--params",
                                     QDir(folder).filePath("depthstyle.json"), "--output", again});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const Image exported = loadImage(QDir(folder).filePath("result.png").toStdString());
    const Image reproduced = loadImage(again.toStdString());
    QCOMPARE(reproduced.rgb.size(), exported.rgb.size());
    const double worst = cv::norm(reproduced.rgb, exported.rgb, cv::NORM_INF);
    qInfo("CLI --params against the app's export: %.1f of 255 at most", worst * 255);
    QVERIFY(worst <= 1.01 / 255);
    QFile png(again);
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray bytes = png.readAll();
    QVERIFY(bytes.contains("iTXt") && bytes.contains("\"beta\":12.5") &&
            bytes.contains("\"epsilon\":0.3"));
}

void TestApp::presetMenuSetsTheSliders() {
    auto window = renderedWindow();
    QVERIFY(window);
    auto* strong = window->findChild<QAction*>("preset-strong");
    QVERIFY(strong);
    strong->trigger();
    QCOMPARE(window->parameterPanel()->betaSlider()->value(), 50.0);
    QCOMPARE(window->parameterPanel()->epsilonSlider()->value(), 0.05);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->presenter().exact()->request.document.parameters.beta, 50.0);
    window->document().undoStack()->undo();
    QCOMPARE(window->parameterPanel()->betaSlider()->value(), 20.0);
}

void TestApp::imagesDecodeOffTheWindowThreadNewestWins() {
    QVERIFY(writePicture(file("second.png").toStdString(), makeContentPicture(60, 90)));
    MainWindow window(standinModelDir());
    window.show();
    window.openContent(file("content.png"));
    window.openContent(file("second.png"));
    // Nothing changed yet: the files decode on the loader's thread.
    QVERIFY(window.document().document().content.empty());
    QVERIFY(window.message().contains("second.png"));  // "Opening second.png…"
    QSignalSpy finished(&window.inputLoader(), &ui::InputLoader::loadFinished);
    QVERIFY(loaded(window));
    QCOMPARE(finished.size(), 1);  // the first load was superseded
    QCOMPARE(window.document().document().content.label, QString("second.png"));
    QCOMPARE(window.parts().content->pictureSize(), QSize(60, 90));
    QVERIFY(window.message().isEmpty());
    QCOMPARE(window.document().undoStack()->count(), 1);
}

void TestApp::hiddenComparisonRendersWhenShown() {
    QSettings().setValue("view/compareMode", int(ui::ComparePane::Mode::Off));
    auto window = renderedWindow();
    QVERIFY(window);
    QCOMPARE(window->parts().result->mode(), ui::ComparePane::Mode::Off);
    QVERIFY(window->parts().result->comparison().isNull());  // skipped while hidden
    const SessionCounters before = window->renderService().previewCounters();
    window->parts().result->setMode(ui::ComparePane::Mode::Wipe);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QVERIFY(window->parts().result->showsWipe());
    const SessionCounters after = window->renderService().previewCounters();
    QCOMPARE(after.decodings, before.decodings);  // the full-style anchor is the comparison
    QCOMPARE(after.contentEncodings, before.contentEncodings);
    const auto owned = directSession();
    const Image expected = owned->render({StrengthSettings::adain(0.0)});
    QCOMPARE(window->parts().result->comparison(), ui::toQImage(expected));
}

void TestApp::zoomedInPaneDrawsTheFullPicture() {
    // A flat grey proxy of a picture with a one-pixel checker pattern.
    QImage detail(400, 200, QImage::Format_RGB888);
    for (int y = 0; y < detail.height(); ++y) {
        for (int x = 0; x < detail.width(); ++x) {
            detail.setPixel(x, y, (x + y) % 2 == 0 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        }
    }
    QImage proxy(200, 100, QImage::Format_RGB888);
    proxy.fill(qRgb(128, 128, 128));
    ui::ImagePane pane("detail");
    pane.resize(150, 100);
    pane.setImage(proxy, detail.size(), detail);
    const auto contrastAtCentre = [&pane] {
        const QImage shot = pane.grab().toImage();
        const QPoint c = shot.rect().center();
        int lo = 255;
        int hi = 0;
        for (int dx = 0; dx < 4; ++dx) {
            const int v = qGray(shot.pixel(c.x() + dx, c.y()));
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        return hi - lo;
    };
    QVERIFY(contrastAtCentre() < 40);  // fitted: the proxy is enough
    pane.showActualSize();
    QCOMPARE(pane.zoom(), 1.0);
    QVERIFY2(contrastAtCentre() > 200, "100% shows the picture's own pixels");
}

void TestApp::undoStepsReadAsWords() {
    auto window = renderedWindow();
    QVERIFY(window);
    QUndoStack* undo = window->document().undoStack();
    QCOMPARE(undo->undoText(), QString("Open Style style.png"));
    ui::LabeledSlider* beta = window->parameterPanel()->betaSlider();
    beta->slider()->setValue(46);  // 23.0
    beta->slider()->setValue(50);  // 25.0, merged into one step
    QCOMPARE(undo->undoText(), QString("Beta 20 → 25"));
    // Two drags, one right after the other: two steps, so the value between
    // them (exported, say) is one undo away.
    for (const int position : {60, 70}) {
        beta->slider()->setSliderDown(true);
        beta->slider()->setValue(position - 4);
        beta->slider()->setValue(position);
        beta->slider()->setSliderDown(false);
    }
    QCOMPARE(undo->undoText(), QString("Beta 30 → 35"));
    undo->undo();
    QCOMPARE(window->document().document().parameters.beta, 30.0);
    QCOMPARE(undo->undoText(), QString("Beta 25 → 30"));
    undo->undo();
    QCOMPARE(undo->undoText(), QString("Beta 20 → 25"));
    doc::Parameters p = window->document().document().parameters;
    p.contentSize = 0;
    window->document().changeParameters(p, ui::ParameterControl::ContentSize);
    QCOMPARE(undo->undoText(), QString("Content size 256 px → original"));
    p.fastDecoding = true;
    window->document().changeParameters(p, ui::ParameterControl::FastDecoding);
    QCOMPARE(undo->undoText(), QString("Fast decoding on"));
    undo->undo();
    undo->undo();
    undo->undo();
    QCOMPARE(undo->undoText(), QString("Open Style style.png"));
    undo->undo();
    QCOMPARE(undo->undoText(), QString("Open Content content.png"));
}

void TestApp::windowShortcutsWinInNumberBoxes() {
    auto window = renderedWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QDoubleSpinBox* box = window->parameterPanel()->betaSlider()->spinBox();
    box->setValue(31.0);
    box->setFocus();
    QTRY_VERIFY(box->hasFocus());
    // The box's text editing would take these (Ctrl+Z its text undo
    // everywhere, Ctrl+E end of line under X11, where ctest runs this test
    // too: tst_app_x11_keys); the window's Export and Undo win.
    const auto overridden = [box](Qt::Key key) {
        QKeyEvent event(QEvent::ShortcutOverride, key, Qt::ControlModifier);
        event.ignore();
        QApplication::sendEvent(box, &event);
        return event.isAccepted();
    };
    QVERIFY(!overridden(Qt::Key_E));
    QVERIFY(!overridden(Qt::Key_Z));
    QVERIFY(overridden(Qt::Key_C));  // copying the box's text stays the box's
    QTest::keyClick(box, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window->document().document().parameters.beta, 20.0);
    QCOMPARE(box->value(), 20.0);
}

void TestApp::exportSizeQuestionNamesTheSizes() {
    using Controller = ui::ExportController;
    // A camera photo shown smaller: its full resolution.
    const Controller::SizeQuestion large =
        Controller::sizeQuestion(QSize(4000, 3000), QSize(683, 512));
    QCOMPARE(large.workingButton, QString("Working Size (683×512)"));
    QCOMPARE(large.fullButton, QString("Full Resolution (4000×3000)"));
    QVERIFY(large.text.contains("full resolution"));
    // A small photo enlarged to the working size: its own size is the
    // smaller one, not a "full resolution".
    const Controller::SizeQuestion small =
        Controller::sizeQuestion(QSize(640, 427), QSize(767, 512));
    QCOMPARE(small.fullButton, QString("Photo's Size (640×427)"));
    QVERIFY(small.text.contains("smaller"));
    QVERIFY(!small.text.contains("full resolution"));
}

void TestApp::slidersAndChartTitlesKeepTheirRoom() {
    // The depth levels' sliders were squeezed to a few pixels in a narrow
    // window, and always in Russian (longer labels).
    QTranslator russian;
    QVERIFY(russian.load(DEPTHSTYLE_RU_QM));
    for (const bool inRussian : {false, true}) {
        if (inRussian) {
            QCoreApplication::installTranslator(&russian);
        }
        auto window = renderedWindow();
        QVERIFY(window);
        for (const int width : {1400, 1000, 800}) {
            window->resize(width, 700);
            QCoreApplication::processEvents();
            for (const ui::LabeledSlider* s : window->findChildren<ui::LabeledSlider*>()) {
                if (s->isVisible()) {
                    QVERIFY2(s->slider()->width() >= ui::LabeledSlider::kMinimumSliderWidth,
                             qPrintable(QString("%1 px wide, %2: %3 px")
                                            .arg(width)
                                            .arg(s->slider()->accessibleName())
                                            .arg(s->slider()->width())));
                }
            }
            // The chart's axis titles fit their axes (they were cut at both ends).
            window->parts().chart->grab();  // lays the plot out at this size
            const QStringList clipped = window->parts().chart->clippedAxisTitles();
            QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(", ")));
        }
        window.reset();
        QCoreApplication::removeTranslator(&russian);
    }
}

void TestApp::paneTagsNeverOverlap() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::ImagePane* depth = window->parts().depth;
    for (const int width : {90, 150, 210, 260, 400}) {
        depth->resize(width, 220);
        const auto at = depth->overlays(depth->fontMetrics(), QStringLiteral("100%"));
        QVERIFY2(!at.legend.isEmpty(), qPrintable(QString::number(width)));
        QVERIFY2(!at.legend.intersects(at.zoom), qPrintable(QString::number(width)));
        QVERIFY2(depth->rect().contains(at.zoom), qPrintable(QString::number(width)));
        // The note at the top right never covers the title: the title gives way.
        const auto top = depth->topTags(depth->fontMetrics(), QStringLiteral("not updated"));
        QVERIFY2(!top.note.intersects(top.titleTag), qPrintable(QString::number(width)));
        QVERIFY2(depth->rect().contains(top.note), qPrintable(QString::number(width)));
        if (width >= 260) {
            QCOMPARE(top.title, depth->title());
        }
    }
}

void TestApp::windowTitleNamesThePicture() {
    MainWindow window(standinModelDir());
    window.show();
    // The platform appends " — DepthStyle" to a title that does not end with it.
    QCOMPARE(window.windowTitle(), QApplication::applicationDisplayName());
    window.openContent(file("content.png"));
    QVERIFY(loaded(window));
    QCOMPARE(window.windowTitle(), QString("content.png"));
}

void TestApp::newContentLeavesTheOldDepthMap() {
    QVERIFY(writePicture(file("depth-map.png").toStdString(), makeContentPicture(90, 60)));
    QVERIFY(writePicture(file("other.png").toStdString(), makeContentPicture(90, 60)));
    auto window = renderedWindow();
    QVERIFY(window);
    window->openDepthMap(file("depth-map.png"));
    QVERIFY(loaded(*window));
    QVERIFY(window->document().document().parameters.depthFromFile);
    window->openContent(file("other.png"));
    QVERIFY(loaded(*window));
    const doc::Parameters& p = window->document().document().parameters;
    QVERIFY(!p.depthFromFile);
    QVERIFY(p.depthPath.isEmpty());
    QVERIFY2(window->message().contains("depth-map.png"), qPrintable(window->message()));
    window->document().undoStack()->undo();  // the photo and its map come back together
    QCOMPARE(window->document().document().content.label, QString("content.png"));
    QVERIFY(window->document().document().parameters.depthFromFile);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
}

void TestApp::depthMapOfAnotherShapeIsRefused() {
    QVERIFY(writePicture(file("square-depth.png").toStdString(), makeContentPicture(64, 64)));
    auto window = renderedWindow();
    QVERIFY(window);
    const int steps = window->document().undoStack()->count();
    window->openDepthMap(file("square-depth.png"));
    QVERIFY(loaded(*window));
    QVERIFY2(
        window->message().contains("square-depth.png") && window->message().contains("stretched"),
        qPrintable(window->message()));
    QVERIFY(!window->document().document().parameters.depthFromFile);
    QCOMPARE(window->document().undoStack()->count(), steps);
}

void TestApp::chartFollowsSlidersBeforeAnyImage() {
    MainWindow window(standinModelDir());
    window.show();
    window.parameterPanel()->betaSlider()->spinBox()->setValue(50.0);
    window.parameterPanel()->epsilonSlider()->spinBox()->setValue(0.4);
    const StrengthSettings expected = StrengthSettings::daAdain(50.0, 0.4);
    for (double x : {0.1, 0.5, 0.9}) {
        QCOMPARE(window.parts().chart->curveAt(x), strengthAt(x, StrengthFrame{}, expected));
    }
}

void TestApp::stalePanesAreMarkedAndFailuresClear() {
    QVERIFY(writePicture(file("map-to-delete.png").toStdString(), makeContentPicture(90, 60)));
    auto window = renderedWindow();
    QVERIFY(window);
    QVERIFY(!window->parts().result->isStale());
    window->parameterPanel()->betaSlider()->spinBox()->setValue(31.0);
    QVERIFY(window->parts().result->isStale());  // until the exact result
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QVERIFY(!window->parts().result->isStale());

    // A render that fails shows why; the next one that succeeds clears it.
    window->openDepthMap(file("map-to-delete.png"));
    QVERIFY(loaded(*window));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QVERIFY(QFile::remove(file("map-to-delete.png")));
    doc::Parameters p = window->document().document().parameters;
    p.depthIsDistance = true;  // the map is read again, and is gone
    window->document().changeParameters(p, ui::ParameterControl::DepthSource);
    QTRY_VERIFY_WITH_TIMEOUT(window->presenter().status() == ui::ResultPresenter::Status::Failed,
                             kRenderTimeoutMs);
    QVERIFY2(window->message().contains("map-to-delete.png"), qPrintable(window->message()));
    QVERIFY(window->parts().result->isStale());
    window->document().undoStack()->undo();
    window->document().undoStack()->undo();  // back to MiDaS
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QVERIFY(window->message().isEmpty());
}

void TestApp::plainModeSaysWhatItCompares() {
    auto window = renderedWindow();
    QVERIFY(window);
    QVERIFY(!window->parts().chart->depthCurveGreyed());
    QCOMPARE(window->parts().result->resultLabel(), QString("DA-AdaIN β 20 ε 0.15"));
    QCOMPARE(window->parts().result->comparisonLabel(), QString("AdaIN α 0.00"));
    doc::Parameters p = window->document().document().parameters;
    p.method = Method::Adain;
    p.alpha = 0.3;
    window->document().changeParameters(p, ui::ParameterControl::Method);
    QVERIFY(window->parts().chart->depthCurveGreyed());
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->parts().result->resultLabel(), QString("AdaIN α 0.30"));
    QCOMPARE(window->parts().result->comparisonLabel(),
             QString("AdaIN α 0.30 (the same as the result)"));
}

void TestApp::sideBySideFitsBothHalves() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::ComparePane* pane = window->parts().result;
    pane->resize(600, 400);
    pane->setMode(ui::ComparePane::Mode::SideBySide);
    pane->fitToWindow();
    const QSize picture = pane->pictureSize();  // 384x256
    const double half = std::min(300.0 / picture.width(), 400.0 / picture.height());
    QCOMPARE(pane->zoom(), half);
    pane->setMode(ui::ComparePane::Mode::Wipe);
    QCOMPARE(pane->zoom(), std::min(600.0 / picture.width(), 400.0 / picture.height()));
}

void TestApp::wipeTagsNeverOverlap() {
    const QSizeF result(150, 20);      // "DA-AdaIN β 20 ε 0.15"
    const QSizeF comparison(190, 20);  // "AdaIN α 0.42 (matched strength)"
    for (double width : {120.0, 200.0, 330.0, 500.0, 900.0, 2000.0}) {
        for (int step = 0; step <= 20; ++step) {
            const double x = width * step / 20.0;
            const auto tags = ui::ComparePane::placeWipeTags(width, x, result, comparison);
            QVERIFY2(!tags.result.intersects(tags.comparison),
                     qPrintable(QString("width %1, divider %2").arg(width).arg(x)));
            if (width >= result.width() + comparison.width() + 40) {
                // Wide enough: both inside the pane.
                QVERIFY(tags.result.left() >= 0 && tags.result.right() <= width);
                QVERIFY(tags.comparison.left() >= 0 && tags.comparison.right() <= width);
            }
        }
    }
}

void TestApp::recentFilesAreAbsoluteAndExisting() {
    QVERIFY(writePicture(file("recent.png").toStdString(), makeContentPicture(40, 30)));
    const QString previous = QDir::currentPath();
    QDir::setCurrent(dir_.path());
    ui::addRecentFile("recent/test", "recent.png");
    ui::addRecentFile("recent/test", "./recent.png");
    ui::addRecentFile("recent/test", file("recent.png"));
    QDir::setCurrent(previous);
    QCOMPARE(ui::recentFiles("recent/test"),
             QStringList{QFileInfo(file("recent.png")).absoluteFilePath()});
    QVERIFY(QFile::remove(file("recent.png")));
    QVERIFY(ui::recentFiles("recent/test").isEmpty());
}

void TestApp::picturesConvertWithTheirColoursAndAlpha() {
    Image image;
    image.rgb = cv::Mat(1, 2, CV_32FC3);
    image.rgb.at<cv::Vec3f>(0, 0) = {1.0f, 0.0f, 0.2f};
    image.rgb.at<cv::Vec3f>(0, 1) = {0.0f, 0.5f, 1.0f};
    const QImage opaque = ui::toQImage(image);
    QCOMPARE(opaque.format(), QImage::Format_RGB32);
    QCOMPARE(opaque.pixel(0, 0), qRgb(255, 0, 51));
    QCOMPARE(opaque.pixel(1, 0), qRgb(0, 128, 255));
    image.alpha = cv::Mat(1, 2, CV_32FC1);
    image.alpha.at<float>(0, 0) = 1.0f;
    image.alpha.at<float>(0, 1) = 0.5f;
    const QImage translucent = ui::toQImage(image);
    QCOMPARE(translucent.format(), QImage::Format_ARGB32_Premultiplied);
    QCOMPARE(translucent.pixel(0, 0), qRgba(255, 0, 51, 255));
    const QColor half = translucent.pixelColor(1, 0);
    QCOMPARE(half.alpha(), 128);
    QVERIFY(half.red() == 0 && std::abs(half.green() - 128) <= 1 && half.blue() >= 254);
    // Back again: what the clipboard and a paste go through.
    const Image back = ui::fromQImage(translucent);
    QVERIFY(std::abs(back.alpha.at<float>(0, 1) - 0.5f) < 0.01f);
    QVERIFY(std::abs(back.rgb.at<cv::Vec3f>(0, 1)[2] - 1.0f) < 0.01f);
}

void TestApp::exportAfterUndoOfAnImageWritesThatState() {
    QVERIFY(writePicture(file("second-photo.png").toStdString(), makeStylePicture(90, 60)));
    auto window = renderedWindow();
    QVERIFY(window);
    window->parameterPanel()->betaSlider()->spinBox()->setValue(26.0);
    window->openContent(file("second-photo.png"));
    QVERIFY(loaded(*window));
    window->parameterPanel()->betaSlider()->spinBox()->setValue(9.0);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    window->document().undoStack()->undo();  // beta 9
    window->document().undoStack()->undo();  // the second photo
    QCOMPARE(window->parts().content->pictureSize(), QSize(90, 60));
    QCOMPARE(window->document().document().content.label, QString("content.png"));
    QCOMPARE(window->document().document().parameters.beta, 26.0);
    const QString folder = file("export-after-undo");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome =
        waitForExport(*window, window->exporter().exportAllTo(folder));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const doc::Sidecar sidecar = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));
    QCOMPARE(sidecar.contentPath, file("content.png"));
    QCOMPARE(sidecar.parameters.beta, 26.0);
    const auto owned = directSession();
    const Image expected = owned->render({StrengthSettings::daAdain(26.0, 0.15)});
    const Image written = loadImage(QDir(folder).filePath("result.png").toStdString());
    QVERIFY(cv::norm(written.rgb, expected.rgb, cv::NORM_INF) <= 0.51 / 255);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->presenter().exact()->request.document.content.label, QString("content.png"));
}

void TestApp::zoomKeysSpaceDragAndLinkedZoom() {
    auto window = renderedWindow();
    QVERIFY(window);
    ui::ComparePane* result = window->parts().result;
    // The keys zoom the pane with the focus, else the result.
    auto* focused = qobject_cast<ui::ImagePane*>(QApplication::focusWidget());
    ui::ImagePane* target = focused != nullptr ? focused : result;
    const double fitted = target->zoom();
    QAction* zoomIn = nullptr;
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().contains(QKeySequence("Ctrl+="))) {
            zoomIn = action;
        }
    }
    QVERIFY(zoomIn);
    zoomIn->trigger();
    QVERIFY(std::abs(target->zoom() - fitted * 1.25) < 1e-9);

    // Space held: a drag near the wipe divider pans instead of moving it.
    result->setMode(ui::ComparePane::Mode::Wipe);
    const double wipe = result->wipePosition();
    const QPoint divider(int(result->dividerX()), result->height() / 2);
    const ui::PaneView before = result->view();
    QTest::keyPress(result, Qt::Key_Space);
    QTest::mousePress(result, Qt::LeftButton, Qt::NoModifier, divider);
    QTest::mouseMove(result, divider + QPoint(40, 0));
    QTest::mouseRelease(result, Qt::LeftButton, Qt::NoModifier, divider + QPoint(40, 0));
    QTest::keyRelease(result, Qt::Key_Space);
    QCOMPARE(result->wipePosition(), wipe);
    QVERIFY(result->view().centre.x() < before.centre.x());

    // Linked: the depth pane shows the same spot at the same width.
    auto* link = window->findChild<QAction*>("link-zoom");
    QVERIFY(link);
    link->setChecked(true);
    result->zoomAt(QPointF(30, 30), 2.0);
    const ui::PaneView shown = result->view();
    const ui::PaneView depth = window->parts().depth->view();
    QVERIFY(std::abs(depth.pictureWidthOnScreen - shown.pictureWidthOnScreen) < 1e-6);
    QVERIFY(std::abs(depth.centre.x() - shown.centre.x()) < 1e-6);
    QVERIFY(std::abs(depth.centre.y() - shown.centre.y()) < 1e-6);
    link->setChecked(false);
    result->zoomAt(QPointF(30, 30), 2.0);
    QVERIFY(std::abs(window->parts().depth->view().pictureWidthOnScreen -
                     depth.pictureWidthOnScreen) < 1e-6);
}

void TestApp::fullResolutionExportScalesTheStyleAlike() {
    QVERIFY(writePicture(file("photo-300.png").toStdString(), makeContentPicture(300, 200)));
    auto window = renderedWindow();
    QVERIFY(window);
    window->openContent(file("photo-300.png"));
    QVERIFY(loaded(*window));
    doc::Parameters p = window->document().document().parameters;
    p.contentSize = 100;  // tuned on 150x100
    p.styleSize = 32;
    window->document().changeParameters(p, ui::ParameterControl::ContentSize);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QCOMPARE(window->presenter().exact()->result.rgb.size(), cv::Size(150, 100));

    const QString folder = file("export-full");
    QDir().mkpath(folder);
    const ui::ExportOutcome outcome = waitForExport(
        *window, window->exporter().exportAllTo(folder, ui::ExportController::Size::Full));
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(outcome.rendered);
    const Image written = loadImage(QDir(folder).filePath("result.png").toStdString());
    QCOMPARE(written.rgb.size(), cv::Size(300, 200));
    const doc::Sidecar sidecar = doc::readSidecar(QDir(folder).filePath("depthstyle.json"));
    QCOMPARE(sidecar.parameters.contentSize, 0);
    QCOMPARE(sidecar.parameters.styleSize, 64);  // 32 x 2, as the content grew
    QFile json(QDir(folder).filePath("depthstyle.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject tuned =
        QJsonDocument::fromJson(json.readAll()).object().value("tunedAt").toObject();
    QCOMPARE(tuned.value("contentSize").toInt(), 100);
    QCOMPARE(tuned.value("styleSize").toInt(), 32);

    const auto owned =
        standinSession(file("photo-300.png").toStdString(), file("style.png").toStdString(), 0, 64);
    const Image expected = owned->render({StrengthSettings::daAdain(20.0, 0.15)});
    QVERIFY(cv::norm(written.rgb, expected.rgb, cv::NORM_INF) <= 0.51 / 255);
    // The window still shows the working size.
    QCOMPARE(window->presenter().exact()->result.rgb.size(), cv::Size(150, 100));
    // Loading that sidecar in the app goes back to the tuned sizes.
    QVERIFY(window->exporter().loadParameters(QDir(folder).filePath("depthstyle.json")));
    QCOMPARE(window->document().document().parameters.contentSize, 100);
    QCOMPARE(window->document().document().parameters.styleSize, 32);
}

void TestApp::exportsCanBeCancelled() {
    QVERIFY(writePicture(file("photo-big.png").toStdString(), makeContentPicture(900, 600)));
    auto window = renderedWindow();
    QVERIFY(window);
    window->openContent(file("photo-big.png"));
    QVERIFY(loaded(*window));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);
    QSignalSpy finished(&window->exporter(), &ui::ExportController::exportFinished);
    const quint64 first = window->exporter().exportResultTo(file("cancelled-1.png"), 95,
                                                            ui::ExportController::Size::Full);
    const quint64 second = window->exporter().exportResultTo(file("cancelled-2.png"), 95,
                                                             ui::ExportController::Size::Full);
    QVERIFY(first != 0 && second != 0);
    window->exporter().cancelExports();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kRenderTimeoutMs);
    for (const QList<QVariant>& args : finished) {
        QVERIFY(args.at(0).value<ui::ExportOutcome>().cancelled);
    }
    QVERIFY(!QFileInfo::exists(file("cancelled-1.png")));
    QVERIFY(!QFileInfo::exists(file("cancelled-2.png")));
    QCOMPARE(window->exporter().unfinished(), 0);
    QVERIFY(window->message().contains("cancelled"));
}

void TestApp::errorsReadInRussian() {
    QTranslator russian;
    QVERIFY(russian.load(DEPTHSTYLE_RU_QM));
    QCoreApplication::installTranslator(&russian);
    const QString missing =
        ui::errorText(EngineError(ErrorKind::FileMissing, "/x/a.png", "no such file"));
    const QString damaged = ui::errorText(EngineError(ErrorKind::ImageCorrupt, "/x/b.jpg",
                                                      "cannot be decoded (libjpeg: bad marker)"));
    const QString sidecar = ui::errorText(
        EngineError(ErrorKind::InvalidArgument, "/x/depthstyle.json", "bad parameter: \"beta\""));
    const QString large = ui::errorText(EngineError(
        ErrorKind::ImageTooLarge, "/x/c.png",
        "at 8000x6000 the image exceeds the limit of 40 megapixels; choose a smaller size"));
    const QString tensor =
        ui::errorText(EngineError(ErrorKind::ModelInvalid, "/m/decoder.pth",
                                  "tensor '5.weight' has shape 1x2, expected 3x4"));
    const QString field =
        ui::errorText(EngineError(ErrorKind::FileUnreadable, "/x/depthstyle.json",
                                  "bad parameter: \"beta\" must be a number in [0, 1000000]"));
    const QString manifest = ui::errorText(EngineError(
        ErrorKind::ModelInvalid, "/m/decoder.pth",
        "does not match the model set's manifest '/m/.sets/a/SHA256SUMS' (a set mixed from two "
        "installations, or a file changed after installing); reinstall the set with "
        "packaging/fetch-models.sh --force (or --from FOLDER)"));
    auto window = std::make_unique<MainWindow>(standinModelDir());
    window->show();
    window->openContent(file("nothing-here.png"));
    QVERIFY(loaded(*window));
    const QString shown = window->message();
    window.reset();
    QCoreApplication::removeTranslator(&russian);
    QCOMPARE(missing, QString("«/x/a.png»: нет такого файла"));
    QCOMPARE(damaged, QString("«/x/b.jpg»: не удаётся декодировать (libjpeg: bad marker)"));
    QCOMPARE(sidecar, QString("«/x/depthstyle.json»: неверный параметр: \"beta\""));
    QCOMPARE(shown, QString("«%1»: нет такого файла").arg(file("nothing-here.png")));
    QCOMPARE(tensor, QString("«/m/decoder.pth»: тензор «5.weight» формы 1x2, а ожидается 3x4"));
    QCOMPARE(field, QString("«/x/depthstyle.json»: неверный параметр: «beta» должен быть числом в "
                            "[0, 1000000]"));
    QCOMPARE(large, QString("«/x/c.png»: при размере 8000x6000 изображение превышает предел в "
                            "40 мегапикселей; выберите размер поменьше"));
    QVERIFY2(manifest.startsWith("«/m/decoder.pth»: не совпадает с описью набора моделей "
                                 "«/m/.sets/a/SHA256SUMS»"),
             qPrintable(manifest));
    // Untranslated: the engine's words as they are.
    QCOMPARE(ui::errorText(EngineError(ErrorKind::FileMissing, "/x/a.png", "no such file")),
             QString("'/x/a.png': no such file"));
    // Qt's own words (file dialogs, message box buttons) come from Debian's
    // qt6-translations-l10n, which the app loads beside its own.
    QTranslator qt;
    QVERIFY2(qt.load(QLocale(QLocale::Russian), "qtbase", "_",
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "qtbase_ru.qm missing: run packaging/install-deps.sh");
    QCoreApplication::installTranslator(&qt);
    const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
    QCoreApplication::removeTranslator(&qt);
    QCOMPARE(cancel, QString("Отмена"));
}

void TestApp::escapeOnTheMenuBarCancelsTheRender() {
    QVERIFY(writePicture(file("photo-esc.png").toStdString(), makeContentPicture(900, 600)));
    auto window = renderedWindow();
    QVERIFY(window);
    doc::Parameters p = window->document().document().parameters;
    p.contentSize = 600;  // long enough to be cancelled while it runs
    window->document().changeParameters(p, ui::ParameterControl::ContentSize);
    window->openContent(file("photo-esc.png"));
    QVERIFY(loaded(*window));
    QCOMPARE(window->presenter().status(), ui::ResultPresenter::Status::Rendering);
    // A menu opened and closed with Esc: the menu bar keeps the keyboard and
    // would take the next Esc for itself.
    QMenuBar* bar = window->menuBar();
    bar->setActiveAction(bar->actions().constFirst());
    QTRY_VERIFY(QApplication::activePopupWidget() != nullptr);
    QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
    QTRY_VERIFY(QApplication::activePopupWidget() == nullptr);
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(focus != nullptr ? focus : bar, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(window->presenter().status(), ui::ResultPresenter::Status::Cancelled,
                              kRenderTimeoutMs);
    // Nothing updates the panes any more: they say so, not "updating…".
    ui::ComparePane* result = window->parts().result;
    QVERIFY(result->isStale());
    QVERIFY(!result->isUpdating());
    QVERIFY(result->accessibleDescription().contains("render stopped"));
    window->parameterPanel()->betaSlider()->spinBox()->setValue(33.0);
    QVERIFY(result->isUpdating());
}

void TestApp::depthMapIsCheckedAgainstThePhotoItLandsOn() {
    QVERIFY(writePicture(file("square-photo.png").toStdString(), makeContentPicture(64, 64)));
    QVERIFY(writePicture(file("square-map.png").toStdString(), makeContentPicture(80, 80)));
    auto window = renderedWindow();
    QVERIFY(window);
    // Asked for together: the map is checked against the photo it goes with.
    window->openContent(file("square-photo.png"));
    window->openDepthMap(file("square-map.png"));
    QVERIFY(loaded(*window));
    QVERIFY2(window->message().isEmpty(), qPrintable(window->message()));
    QVERIFY(window->document().document().parameters.depthFromFile);
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(*window), kRenderTimeoutMs);

    // A map chosen before the first photo (from a sidecar) stays with it.
    MainWindow fresh(standinModelDir());
    fresh.show();
    doc::Parameters p = fresh.document().document().parameters;
    p.depthFromFile = true;
    p.depthPath = file("square-map.png");
    fresh.document().loadParameters(p, "depthstyle.json");
    fresh.openContent(file("square-photo.png"));
    QVERIFY(loaded(fresh));
    QVERIFY(fresh.document().document().parameters.depthFromFile);
    QCOMPARE(fresh.document().document().parameters.depthPath, file("square-map.png"));
}

void TestApp::aFailedLoadStaysSaidWhileAnotherSucceeds() {
    MainWindow window(standinModelDir());
    window.show();
    window.openContent(file("no-such-photo.png"));
    window.openStyle(file("style.png"));
    QVERIFY(loaded(window));
    QVERIFY2(window.message().contains("no-such-photo.png"), qPrintable(window.message()));
    QVERIFY(!window.document().document().style.empty());
}

QTEST_MAIN(TestApp)
#include "tst_app.moc"
