// View > Variations, headless: the grid's values, cells that fill in one by
// one and equal the engine's render of their beta and epsilon, adopting a
// cell as one undo step, the contact sheet, and stale cells never shown.
#include <QAction>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include "contact_sheet.h"
#include "depthstyle/session.h"
#include "document_controller.h"
#include "image_convert.h"
#include "input_loader.h"
#include "main_window.h"
#include "parameter_panel.h"
#include "render_service.h"
#include "result_presenter.h"
#include "synthetic_images.h"
#include "test_env.h"
#include "variations_cells.h"
#include "variations_grid.h"
#include "variations_view.h"

using namespace depthstyle;
using namespace depthstyle::test;
using depthstyle::ui::MainWindow;
using depthstyle::ui::VariationGrid;
using depthstyle::ui::VariationsView;

namespace {

constexpr int kRenderTimeoutMs = 180000;
constexpr int kCellSide = 512;  // the view's cell pictures

bool renderedFully(const MainWindow& w) {
    const ui::ResultPresenter& p = w.presenter();
    return p.status() == ui::ResultPresenter::Status::Idle && p.exact() &&
           p.exact()->request.generation == p.latestGeneration();
}

std::vector<double> list(std::initializer_list<double> values) {
    return values;
}

}  // namespace

class TestVariations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultGridSurroundsTheCurrentValues_data();
    void defaultGridSurroundsTheCurrentValues();
    void rangesAreEditableAndClamped();
    void cellsFillInOneByOneAndEqualTheEngine();
    void clickAndKeysAdoptInOneUndoStep();
    void contactSheetIsWrittenWhole();
    void staleCellsAreNeverShown();
    void plainAdainExplainsAndClosingStopsTheCells();
    void screenshot();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    std::unique_ptr<MainWindow> renderedWindow();
    // The engine's render of the window's inputs with `settings`, as a cell
    // shows it.
    QImage expectedCell(const StrengthSettings& settings) const {
        const auto session = standinSession(file("content.png").toStdString(),
                                            file("style.png").toStdString(), 256, 256);
        return ui::toDisplayQImage(session->render({settings}), kCellSide);
    }
    static VariationsView& openVariations(MainWindow& w) {
        w.findChild<QAction*>("show-variations")->trigger();
        return w.variations();
    }
    QTemporaryDir dir_;
};

void TestVariations::initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, file("settings"));
    QCoreApplication::setOrganizationName("DepthStyleTests");
    QCoreApplication::setApplicationName("tst_variations");
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(90, 60)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(64, 64)));
}

void TestVariations::init() {
    QSettings settings;
    settings.clear();
    doc::Parameters p;
    p.contentSize = 256;
    p.styleSize = 256;
    settings.setValue("parameters", p.toJson().toVariantMap());
}

std::unique_ptr<MainWindow> TestVariations::renderedWindow() {
    auto window = std::make_unique<MainWindow>(standinModelDir());
    window->show();
    window->openContent(file("content.png"));
    window->openStyle(file("style.png"));
    if (!window->inputLoader().waitForLoads(kRenderTimeoutMs) || !window->message().isEmpty()) {
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return renderedFully(*window); }, kRenderTimeoutMs)) {
        return nullptr;
    }
    return window;
}

void TestVariations::defaultGridSurroundsTheCurrentValues_data() {
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<std::vector<double>>("betas");
    QTest::addColumn<std::vector<double>>("epsilons");
    QTest::addRow("paper's defaults")
        << 20.0 << 0.15 << list({10, 20, 40}) << list({0.05, 0.15, 0.25});
    QTest::addRow("beta near the top")
        << 80.0 << 0.5 << list({25, 50, 100}) << list({0.4, 0.5, 0.6});
    QTest::addRow("beta 0") << 0.0 << 0.0 << list({0, 5, 10}) << list({0, 0.1, 0.2});
    QTest::addRow("epsilon near 0") << 3.0 << 0.02 << list({1.5, 3, 6}) << list({0, 0.1, 0.2});
    QTest::addRow("epsilon near 1") << 7.0 << 0.97 << list({3.5, 7, 14}) << list({0.8, 0.9, 1});
    QTest::addRow("out of range") << 250.0 << 1.5 << list({25, 50, 100}) << list({0.8, 0.9, 1});
}

void TestVariations::defaultGridSurroundsTheCurrentValues() {
    QFETCH(double, beta);
    QFETCH(double, epsilon);
    QFETCH(std::vector<double>, betas);
    QFETCH(std::vector<double>, epsilons);
    const VariationGrid grid = ui::defaultVariationGrid(beta, epsilon);
    QCOMPARE(grid.betas(), betas);
    QCOMPARE(grid.epsilons(), epsilons);
    QCOMPARE(grid.columns(), 3);
    QCOMPARE(grid.rows(), 3);
}

void TestVariations::rangesAreEditableAndClamped() {
    VariationGrid grid;
    grid.beta = {10, 80, 4};  // geometric: a ratio of 2 per step
    grid.epsilon = {0, 0.3, 4};
    QCOMPARE(grid.betas(), list({10, 20, 40, 80}));
    QCOMPARE(grid.epsilons(), list({0, 0.1, 0.2, 0.3}));
    grid.beta = {0, 30, 4};  // from 0: linear
    QCOMPARE(grid.betas(), list({0, 10, 20, 30}));
    grid.beta = {20, 20.02, 3};  // ends that round alike: one column
    QCOMPARE(grid.betas(), list({20}));
    const ui::VariationAxis clamped = ui::clampedAxis({1.4, -0.5, 9}, ui::kEpsilonMax);
    QCOMPARE(clamped.from, 0.0);
    QCOMPARE(clamped.to, 1.0);
    QCOMPARE(clamped.count, ui::kMaxAxisCount);
    QCOMPARE(ui::clampedAxis({5, 7, 0}, ui::kBetaMax).count, 1);

    // In the view: the boxes edit the grid, and Centre on Current Values
    // goes back to the default around the document's values.
    auto window = renderedWindow();
    QVERIFY(window);
    VariationsView& view = openVariations(*window);
    QCOMPARE(view.grid(), ui::defaultVariationGrid(20.0, 0.15));
    QCOMPARE(view.cells()->count(), 9);
    view.betaCountBox()->setValue(4);
    view.epsilonToBox()->setValue(0.45);
    QCOMPARE(view.grid().betas(), list({10, 15.9, 25.2, 40}));
    QCOMPARE(view.grid().epsilons(), list({0.05, 0.25, 0.45}));
    QCOMPARE(view.cells()->count(), 12);
    QCOMPARE(view.cells()->cell(1)->text(), QString("β = 15.9, ε = 0.05"));
    view.betaFromBox()->setValue(150);      // the box's own range: 100 at most
    QCOMPARE(view.grid().beta.from, 40.0);  // the ends in order
    QCOMPARE(view.grid().beta.to, 100.0);
    view.centreOnCurrentValues();
    QCOMPARE(view.grid(), ui::defaultVariationGrid(20.0, 0.15));
    QCOMPARE(view.betaFromBox()->value(), 10.0);
    view.close();
}

void TestVariations::cellsFillInOneByOneAndEqualTheEngine() {
    auto window = renderedWindow();
    QVERIFY(window);
    const SessionCounters before = window->renderService().previewCounters();
    QSignalSpy shown(&window->variations(), &VariationsView::cellShown);
    VariationsView& view = openVariations(*window);
    QCOMPARE(view.renderedCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(view.complete(), kRenderTimeoutMs);
    // Nine arrivals, each its own cell.
    QCOMPARE(shown.count(), 9);
    QSet<int> indices;
    for (const QList<QVariant>& args : shown) {
        indices.insert(args.at(0).toInt());
    }
    QCOMPARE(indices.size(), 9);
    // From the cached features: no encoder ran again.
    const SessionCounters after = window->renderService().previewCounters();
    QCOMPARE(after.contentEncodings, before.contentEncodings);
    QCOMPARE(after.styleEncodings, before.styleEncodings);
    QCOMPARE(after.depthRuns, before.depthRuns);
    // Each cell is the engine's render of the document with its values.
    for (int i = 0; i < view.cells()->count(); ++i) {
        const ui::VariationValues v = view.cells()->values(i);
        const QImage expected = expectedCell(StrengthSettings::daAdain(v.beta, v.epsilon));
        QVERIFY2(view.picture(i) == expected, qPrintable(ui::VariationCells::label(v)));
    }
    // The cell of the current values is the one checked.
    QVERIFY(view.cells()->cell(4)->isChecked());
    QVERIFY(!view.cells()->cell(0)->isChecked());
    QCOMPARE(view.cells()->cell(4)->accessibleName(), QString("β = 20, ε = 0.15"));
    QVERIFY(!view.cells()->cell(4)->accessibleDescription().isEmpty());
}

void TestVariations::clickAndKeysAdoptInOneUndoStep() {
    auto window = renderedWindow();
    QVERIFY(window);
    VariationsView& view = openVariations(*window);
    QUndoStack* undo = window->document().undoStack();
    const int steps = undo->count();
    QTest::mouseClick(view.cells()->cell(8), Qt::LeftButton);  // beta 40, epsilon 0.25
    const doc::Parameters& p = window->document().document().parameters;
    QCOMPARE(p.beta, 40.0);
    QCOMPARE(p.epsilon, 0.25);
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->undoText(), QString("Use Variation β = 40, ε = 0.25"));
    QVERIFY(view.cells()->cell(8)->isChecked());
    QVERIFY(!view.cells()->cell(4)->isChecked());
    // The panel follows.
    QCOMPARE(window->parameterPanel()->parameters().beta, 40.0);

    // Ctrl+Z in the view (the active window): both values back at once.
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QVERIFY(!window->isActiveWindow());
    QTest::keyClick(&view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(p.beta, 20.0);
    QCOMPARE(p.epsilon, 0.15);
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->index(), steps);
    QVERIFY(view.cells()->cell(4)->isChecked());

    // Keys: from the first cell right, down, Enter: beta 20, epsilon 0.15
    // is current already (no step); right again and Enter: beta 40.
    QVERIFY(view.cells()->cell(0)->isVisible());
    view.cells()->cell(0)->setFocus();
    QTest::keyClick(view.cells()->cell(0), Qt::Key_Right);
    QCOMPARE(view.focusWidget(), view.cells()->cell(1));
    QTest::keyClick(view.cells()->cell(1), Qt::Key_Down);
    QCOMPARE(view.focusWidget(), view.cells()->cell(4));
    QTest::keyClick(view.cells()->cell(4), Qt::Key_Left);
    QCOMPARE(view.focusWidget(), view.cells()->cell(3));
    QTest::keyClick(view.cells()->cell(3), Qt::Key_Return);
    QCOMPARE(p.beta, 10.0);
    QCOMPARE(p.epsilon, 0.15);
    QCOMPARE(undo->undoText(), QString("Use Variation β = 10, ε = 0.15"));
    QTest::keyClick(view.cells()->cell(3), Qt::Key_Left);  // at the edge: stays
    QCOMPARE(view.focusWidget(), view.cells()->cell(3));
    undo->undo();
    QCOMPARE(p.beta, 20.0);
    QCOMPARE(p.epsilon, 0.15);
    view.close();
}

void TestVariations::contactSheetIsWrittenWhole() {
    auto window = renderedWindow();
    QVERIFY(window);
    VariationsView& view = openVariations(*window);
    // Asked for before the cells are in: written once they all are.
    const QString out = file("sheet.png");
    QVERIFY(view.exportContactSheet(out));
    QVERIFY(!QFile::exists(out));
    QTRY_VERIFY_WITH_TIMEOUT(view.complete(), kRenderTimeoutMs);
    QVERIFY(view.waitForContactSheet(kRenderTimeoutMs));
    QVERIFY2(view.message().contains("Wrote"), qPrintable(view.message()));
    QImage sheet(out);
    QVERIFY(!sheet.isNull());
    const QSize cell = view.picture(0).size();
    QCOMPARE(sheet.size(), ui::contactSheetSize(cell, 3, 3));
    // The last cell (beta 40, epsilon 0.25) sits where the layout puts it.
    const QPoint corner(
        ui::kSheetMargin + 2 * (cell.width() + ui::kSheetMargin),
        ui::kSheetMargin + 2 * (cell.height() + ui::kSheetLabelHeight + ui::kSheetMargin));
    QCOMPARE(sheet.copy(QRect(corner, cell)).convertToFormat(QImage::Format_RGB32),
             view.picture(8).convertToFormat(QImage::Format_RGB32));
    // Under it, its values printed: dark pixels on the white line.
    const QImage line = sheet.copy(
        QRect(corner + QPoint(0, cell.height()), QSize(cell.width(), ui::kSheetLabelHeight)));
    bool printed = false;
    for (int y = 0; y < line.height() && !printed; ++y) {
        for (int x = 0; x < line.width() && !printed; ++x) {
            printed = qGray(line.pixel(x, y)) < 128;
        }
    }
    QVERIFY(printed);
    // JPEG by the extension.
    QVERIFY(view.exportContactSheet(file("sheet.jpg")));
    QVERIFY(view.waitForContactSheet(kRenderTimeoutMs));
    QCOMPARE(QImage(file("sheet.jpg")).size(), sheet.size());

    // Bad paths: a clear message naming the file, nothing written.
    const QString missing = file("no-such-folder/sheet.png");
    QVERIFY(view.exportContactSheet(missing));
    QVERIFY(view.waitForContactSheet(kRenderTimeoutMs));
    QVERIFY2(view.message().contains(missing), qPrintable(view.message()));
    QVERIFY(!QFileInfo::exists(file("no-such-folder")));
    QVERIFY(!view.exportContactSheet(file("sheet.txt")));
    QVERIFY(view.message().contains("sheet.txt"));
    QVERIFY(!QFile::exists(file("sheet.txt")));
    // A folder in the way stays a folder, with nothing left beside it.
    QVERIFY(QDir().mkpath(file("taken/sheet.png")));
    QVERIFY(view.exportContactSheet(file("taken/sheet.png")));
    QVERIFY(view.waitForContactSheet(kRenderTimeoutMs));
    QVERIFY2(view.message().contains("taken/sheet.png"), qPrintable(view.message()));
    QVERIFY(QFileInfo(file("taken/sheet.png")).isDir());
    QCOMPARE(QDir(file("taken")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
             QStringList{"sheet.png"});
    view.close();
}

void TestVariations::staleCellsAreNeverShown() {
    auto window = renderedWindow();
    QVERIFY(window);
    QSignalSpy fromLane(&window->renderService(), &ui::RenderService::variationReady);
    VariationsView& view = openVariations(*window);
    QSignalSpy shown(&view, &VariationsView::cellShown);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kRenderTimeoutMs);
    QVERIFY(!view.complete());  // cells still waiting and running
    const auto old = fromLane.at(0).at(0).value<ui::VariationCell>();
    // Another depth gamma: the picture changes for every beta and epsilon.
    doc::Parameters p = window->document().document().parameters;
    p.depthLevels.gamma = 2.5;
    window->document().changeParameters(p, ui::ParameterControl::LevelsGamma);
    for (int i = 0; i < view.cells()->count(); ++i) {
        QVERIFY(view.picture(i).isNull());  // the old cells are gone at once
    }
    // A cell of the old state arriving late (the lane had finished it) is
    // dropped, not shown.
    shown.clear();
    Q_EMIT window->renderService().variationReady(old);
    QCOMPARE(shown.count(), 0);
    for (int i = 0; i < view.cells()->count(); ++i) {
        QVERIFY(view.picture(i).isNull());
    }
    // Every cell shown from now on is a render of the new state, at the
    // moment it is shown.
    std::vector<std::pair<int, QImage>> arrivals;
    connect(&view, &VariationsView::cellShown, this,
            [&](int index) { arrivals.emplace_back(index, view.picture(index)); });
    QTRY_VERIFY_WITH_TIMEOUT(view.complete(), kRenderTimeoutMs);
    QVERIFY(arrivals.size() >= 9);
    for (const auto& [index, picture] : arrivals) {
        const ui::VariationValues v = view.cells()->values(index);
        StrengthSettings s = StrengthSettings::daAdain(v.beta, v.epsilon);
        s.levels.gamma = 2.5;
        QVERIFY2(picture == expectedCell(s), qPrintable(ui::VariationCells::label(v)));
    }
    // Only beta or epsilon changed (a cell adopted): the cells stay.
    QTest::mouseClick(view.cells()->cell(0), Qt::LeftButton);
    QVERIFY(view.complete());
    view.close();
}

void TestVariations::plainAdainExplainsAndClosingStopsTheCells() {
    auto window = renderedWindow();
    QVERIFY(window);
    VariationsView& view = openVariations(*window);
    QSignalSpy shown(&view, &VariationsView::cellShown);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kRenderTimeoutMs);
    // Closing drops the cells still waiting.
    QVERIFY(window->renderService().waitingVariations() > 0);
    view.close();
    QCOMPARE(window->renderService().waitingVariations(), 0);
    QVERIFY(!view.complete());

    // Plain AdaIN: no cells, and the view says why.
    doc::Parameters p = window->document().document().parameters;
    p.method = Method::Adain;
    window->document().changeParameters(p, ui::ParameterControl::Method);
    openVariations(*window);
    QCOMPARE(view.cells()->count(), 0);
    QVERIFY2(view.message().contains("DA-AdaIN"), qPrintable(view.message()));
    QCOMPARE(window->renderService().waitingVariations(), 0);
    QVERIFY(!view.exportContactSheet(file("plain.png")));
    QVERIFY(!QFile::exists(file("plain.png")));
    // Back to DA-AdaIN (undo): the grid again.
    window->document().undoStack()->undo();
    QCOMPARE(view.cells()->count(), 9);
    QVERIFY(!view.message().contains("DA-AdaIN"));
    view.close();
}

void TestVariations::screenshot() {
    // For the README: DEPTHSTYLE_VARIATIONS_SCREENSHOT=FILE (and FILE-sheet.png,
    // the contact sheet), with the models
    // and pictures of DEPTHSTYLE_SCREENSHOT_{MODELS,CONTENT,STYLE}.
    const QString out = qEnvironmentVariable("DEPTHSTYLE_VARIATIONS_SCREENSHOT");
    if (out.isEmpty()) {
        QSKIP("DEPTHSTYLE_VARIATIONS_SCREENSHOT is not set");
    }
    MainWindow window(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_MODELS"));
    window.resize(1500, 900);
    window.show();
    window.openContent(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_CONTENT"));
    window.openStyle(qEnvironmentVariable("DEPTHSTYLE_SCREENSHOT_STYLE"));
    QVERIFY(window.inputLoader().waitForLoads(kRenderTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(renderedFully(window), kRenderTimeoutMs);
    VariationsView& view = openVariations(window);
    QTRY_VERIFY_WITH_TIMEOUT(view.complete(), kRenderTimeoutMs);
    view.cells()->cell(4)->setFocus();
    QVERIFY(view.grab().save(out));
    // And its contact sheet beside it.
    const QString sheet =
        QFileInfo(out).path() + "/" + QFileInfo(out).completeBaseName() + "-sheet.png";
    QVERIFY(view.exportContactSheet(sheet));
    QVERIFY(view.waitForContactSheet(kRenderTimeoutMs));
    QVERIFY2(QFile::exists(sheet), qPrintable(view.message()));
}

QTEST_MAIN(TestVariations)
#include "tst_variations.moc"
