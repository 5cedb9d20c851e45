#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "compare_pane.h"
#include "image_convert.h"
#include "image_pane.h"
#include "models_panel.h"
#include "notification_bar.h"
#include "parameter_panel.h"
#include "render_worker.h"
#include "strength_chart.h"
#include "theme_menu.h"

namespace depthstyle::ui {

MainWindow::MainWindow(const QString& modelDirectory, QWidget* parent)
    : QMainWindow(parent),
      modelDirectoryOverride_(modelDirectory),
      worker_(new RenderWorker(this)),
      undo_(new QUndoStack(this)),
      stack_(new QStackedWidget(this)),
      modelsPanel_(new ModelsPanel(this)),
      notification_(new NotificationBar(this)) {
    setWindowTitle(tr("DepthStyle"));
    buildPanes();
    buildMenus();
    buildStatusBar();
    restoreSettings();

    connect(worker_, &RenderWorker::resultReady, this, &MainWindow::onResult);
    connect(worker_, &RenderWorker::plainReady, this, &MainWindow::onPlain);
    connect(worker_, &RenderWorker::anchorsReady, this, &MainWindow::onAnchors);
    connect(worker_, &RenderWorker::failed, this, &MainWindow::onFailed);
    connect(worker_, &RenderWorker::progressed, this, &MainWindow::onProgress);
    connect(worker_, &RenderWorker::cancelled, this, [this] {
        rendering_ = false;
        stageLabel_->setText(tr("Cancelled"));
        progress_->hide();
        cancel_->hide();
    });
    connect(panel_, &ParameterPanel::parametersChanged, this, &MainWindow::onParametersChanged);
    connect(panel_, &ParameterPanel::depthFileRequested, this, &MainWindow::chooseDepthMap);
    connect(modelsPanel_, &ModelsPanel::checkAgainRequested, this, &MainWindow::checkModels);
    connect(modelsPanel_, &ModelsPanel::modelDirectoryChosen, this, [this](const QString& dir) {
        modelDirectoryOverride_ = dir;
        QSettings().setValue("models/directory", dir);
        checkModels();
    });
    checkModels();
    updateWindowTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanes() {
    contentPane_ = new ImagePane(tr("Content"), this);
    stylePane_ = new ImagePane(tr("Style"), this);
    depthPane_ = new ImagePane(tr("Depth"), this);
    strengthPane_ = new ImagePane(tr("Strength map P"), this);
    resultPane_ = new ComparePane(tr("Result"), this);
    contentPane_->setPlaceholder(tr("Drop a photo here\nor press Ctrl+O"));
    stylePane_->setPlaceholder(tr("Drop a style image here\nor press Ctrl+Shift+O"));
    depthPane_->setPlaceholder(tr("The depth map appears here"));
    strengthPane_->setPlaceholder(tr("The strength map appears here"));
    resultPane_->setPlaceholder(tr("The result appears here"));
    depthPane_->setLegend(proximityLegend(160, 10), tr("far"), tr("near"));
    QImage gray(256, 1, QImage::Format_Grayscale8);
    for (int x = 0; x < 256; ++x) {
        gray.setPixel(x, 0, qRgb(x, x, x));
    }
    strengthPane_->setLegend(gray, tr("0 style"), tr("1 content"));

    topPair_ = new QSplitter(Qt::Horizontal);
    topPair_->addWidget(contentPane_);
    topPair_->addWidget(stylePane_);
    bottomPair_ = new QSplitter(Qt::Horizontal);
    bottomPair_->addWidget(depthPane_);
    bottomPair_->addWidget(strengthPane_);
    leftSplitter_ = new QSplitter(Qt::Vertical);
    leftSplitter_->addWidget(topPair_);
    leftSplitter_->addWidget(bottomPair_);
    mainSplitter_ = new QSplitter(Qt::Horizontal);
    mainSplitter_->addWidget(leftSplitter_);
    mainSplitter_->addWidget(resultPane_);
    mainSplitter_->setStretchFactor(0, 2);
    mainSplitter_->setStretchFactor(1, 3);
    for (QSplitter* s : {topPair_, bottomPair_, leftSplitter_, mainSplitter_}) {
        s->setChildrenCollapsible(false);
    }

    auto* workspace = new QWidget(this);
    auto* layout = new QVBoxLayout(workspace);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(notification_);
    layout->addWidget(mainSplitter_, 1);
    stack_->addWidget(modelsPanel_);
    stack_->addWidget(workspace);
    setCentralWidget(stack_);

    panel_ = new ParameterPanel(this);
    chart_ = new StrengthChart(this);
    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(panel_);
    controlsLayout->addWidget(chart_, 1);
    auto* dock = new QDockWidget(tr("Controls"), this);
    dock->setObjectName("controlsDock");
    dock->setWidget(controls);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    for (ImagePane* pane : {contentPane_, stylePane_, depthPane_, strengthPane_,
                            static_cast<ImagePane*>(resultPane_)}) {
        connect(pane, &ImagePane::enlargeRequested, this, [this, pane] { enlarge(pane); });
    }
    connect(contentPane_, &ImagePane::filesDropped, this,
            [this](const QStringList& paths) { onPaneDrop(paths, true); });
    connect(stylePane_, &ImagePane::filesDropped, this,
            [this](const QStringList& paths) { onPaneDrop(paths, false); });
    connect(resultPane_, &ImagePane::filesDropped, this, &MainWindow::onResultDrop);
    depthPane_->setAcceptDrops(false);
    strengthPane_->setAcceptDrops(false);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &Content…"), QKeySequence::Open, this,
                    [this] { chooseAndOpen(true); });
    file->addAction(tr("Open &Style…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    [this] { chooseAndOpen(false); });
    file->addAction(tr("Open &Depth Map…"), this, &MainWindow::chooseDepthMap);
    recentContent_ = file->addMenu(tr("Recent Content"));
    recentStyle_ = file->addMenu(tr("Recent Styles"));
    connect(recentContent_, &QMenu::aboutToShow, this,
            [this] { fillRecentMenu(recentContent_, "recent/content", true); });
    connect(recentStyle_, &QMenu::aboutToShow, this,
            [this] { fillRecentMenu(recentStyle_, "recent/style", false); });
    file->addSeparator();
    file->addAction(tr("&Export Result…"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::chooseAndExportResult);
    file->addAction(tr("Export &All…"), QKeySequence(tr("Ctrl+Shift+E")), this,
                    &MainWindow::chooseAndExportAll);
    file->addAction(tr("&Load Parameters…"), QKeySequence(tr("Ctrl+L")), this,
                    &MainWindow::chooseAndLoadParameters);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Copy Result"), QKeySequence::Copy, this, &MainWindow::copyResult);
    edit->addAction(tr("&Paste as Content"), QKeySequence::Paste, this, [this] { paste(true); });
    edit->addAction(tr("Paste as St&yle"), QKeySequence(tr("Ctrl+Shift+V")), this,
                    [this] { paste(false); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* group = new QActionGroup(this);
    const struct {
        QString text;
        ComparePane::Mode mode;
        QString shortcut;
    } modes[] = {{tr("Result Only"), ComparePane::Mode::Off, tr("Ctrl+1")},
                 {tr("Wipe: DA-AdaIN | Plain AdaIN"), ComparePane::Mode::Wipe, tr("Ctrl+2")},
                 {tr("Side by Side"), ComparePane::Mode::SideBySide, tr("Ctrl+3")}};
    for (const auto& m : modes) {
        QAction* action =
            view->addAction(m.text, this, [this, mode = m.mode] { resultPane_->setMode(mode); });
        action->setShortcut(QKeySequence(m.shortcut));
        action->setCheckable(true);
        action->setChecked(m.mode == resultPane_->mode());
        group->addAction(action);
    }
    view->addSeparator();
    view->addAction(tr("&Fit All Panes"), QKeySequence(tr("Ctrl+0")), this, [this] {
        for (ImagePane* pane : {contentPane_, stylePane_, depthPane_, strengthPane_,
                                static_cast<ImagePane*>(resultPane_)}) {
            pane->fitToWindow();
        }
    });
    view->addAction(tr("Result at &100%"), QKeySequence(tr("Ctrl+9")), resultPane_,
                    &ImagePane::showActualSize);
    view->addAction(tr("&Enlarge Result…"), QKeySequence(tr("F11")), this,
                    [this] { enlarge(resultPane_); });
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value("language").toString();
    const struct {
        QString name;
        QString code;
    } choices[] = {{tr("System Default"), QString()},
                   {QStringLiteral("English"), QStringLiteral("en")},
                   {QStringLiteral("Русский"), QStringLiteral("ru")}};
    for (const auto& choice : choices) {
        QAction* action = language->addAction(choice.name, this, [this, code = choice.code] {
            QSettings().setValue("language", code);
            notification_->showInfo(tr("The language changes when DepthStyle starts again."));
        });
        action->setCheckable(true);
        action->setChecked(choice.code == current);
        languages->addAction(action);
    }
    addThemeMenu(view);
}

void MainWindow::buildStatusBar() {
    stageLabel_ = new QLabel(tr("Ready"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(200);
    progress_->setAccessibleName(tr("Render progress"));
    progress_->hide();
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the running render (Esc)"));
    cancel_->setAccessibleName(tr("Cancel render"));
    cancel_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel_->hide();
    connect(cancel_, &QToolButton::clicked, this, [this] { worker_->cancel(); });
    statusBar()->addWidget(stageLabel_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
}

void MainWindow::restoreSettings() {
    QSettings s;
    restoreGeometry(s.value("window/geometry").toByteArray());
    restoreState(s.value("window/state").toByteArray());
    mainSplitter_->restoreState(s.value("window/mainSplitter").toByteArray());
    leftSplitter_->restoreState(s.value("window/leftSplitter").toByteArray());
    topPair_->restoreState(s.value("window/topPair").toByteArray());
    bottomPair_->restoreState(s.value("window/bottomPair").toByteArray());
    if (modelDirectoryOverride_.isEmpty() && qEnvironmentVariableIsEmpty("DEPTHSTYLE_MODELS")) {
        modelDirectoryOverride_ = s.value("models/directory").toString();
    }
    const QJsonObject saved = QJsonObject::fromVariantMap(s.value("parameters").toMap());
    UiParameters p = UiParameters::fromJson(saved);
    if (p.depthFromFile && !QFileInfo::exists(p.depthPath)) {
        p.depthFromFile = false;
    }
    state_.parameters = p;
    panel_->setParameters(p);
    resultPane_->setMode(static_cast<ComparePane::Mode>(
        s.value("view/compareMode", int(ComparePane::Mode::Wipe)).toInt()));
    if (!s.contains("window/geometry")) {
        resize(1400, 860);
        mainSplitter_->setSizes({560, 840});
    }
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/mainSplitter", mainSplitter_->saveState());
    s.setValue("window/leftSplitter", leftSplitter_->saveState());
    s.setValue("window/topPair", topPair_->saveState());
    s.setValue("window/bottomPair", bottomPair_->saveState());
    s.setValue("parameters", state_.parameters.toJson().toVariantMap());
    s.setValue("view/compareMode", int(resultPane_->mode()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    worker_->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::checkModels() {
    const std::string dir = chooseModelDirectory(modelDirectoryOverride_.toStdString());
    models_ = ModelFiles::inDirectory(dir);
    const std::vector<std::string> missing = missingModelFiles(models_, true);
    if (missing.empty()) {
        worker_->setModelFiles(models_);
        stack_->setCurrentIndex(1);
        scheduleRender(0);
        return;
    }
    QStringList files;
    for (const std::string& m : missing) {
        files << QString::fromStdString(m);
    }
    QStringList path;
    for (const std::string& p : modelSearchPath(modelDirectoryOverride_.toStdString())) {
        path << QString::fromStdString(p);
    }
    modelsPanel_->showMissing(files, path, QString::fromStdString(dir));
    stack_->setCurrentIndex(0);
}

bool MainWindow::showingModelSetup() const {
    return stack_->currentIndex() == 0;
}
QString MainWindow::modelSetupText() const {
    return modelsPanel_->explanation();
}
QString MainWindow::message() const {
    return notification_->text();
}

void MainWindow::enlarge(ImagePane* pane) {
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("DepthStyle — %1").arg(pane->title()));
    auto* big = new ImagePane(pane->title(), dialog);
    big->setImage(pane->image());
    auto* layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(big);
    dialog->resize(size() * 0.9);
    dialog->show();
}

void MainWindow::addRecent(const QString& key, const QString& path) {
    QSettings s;
    QStringList recent = s.value(key).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    s.setValue(key, recent.mid(0, 10));
}

void MainWindow::fillRecentMenu(QMenu* menu, const QString& key, bool content) {
    menu->clear();
    const QStringList recent = QSettings().value(key).toStringList();
    for (const QString& path : recent) {
        menu->addAction(QFileInfo(path).fileName(), this,
                        [this, path, content] { content ? openContent(path) : openStyle(path); })
            ->setToolTip(path);
    }
    if (recent.isEmpty()) {
        menu->addAction(tr("(none)"))->setEnabled(false);
    }
}

void MainWindow::updateWindowTitle() {
    const QString name = state_.content.empty() ? QString() : state_.content.label;
    setWindowTitle(name.isEmpty() ? tr("DepthStyle") : tr("DepthStyle — %1").arg(name));
}

}  // namespace depthstyle::ui
