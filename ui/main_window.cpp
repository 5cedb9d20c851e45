#include "main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "brush_panel.h"
#include "compare_pane.h"
#include "decoder_speed_advisor.h"
#include "depth_levels_bar.h"
#include "depthstyle/engine_error.h"
#include "display_cache.h"
#include "document_controller.h"
#include "export_controller.h"
#include "image_convert.h"
#include "input_loader.h"
#include "labeled_slider.h"
#include "local_path.h"
#include "main_menus.h"
#include "models_panel.h"
#include "notification_bar.h"
#include "pane_tools.h"
#include "parameter_panel.h"
#include "preset_actions.h"
#include "presets.h"
#include "render_log.h"
#include "render_service.h"
#include "result_presenter.h"
#include "strength_chart.h"
#include "stripe_tuner.h"
#include "stroke_painter.h"
#include "styles_panel.h"
#include "variations_view.h"
#include "window_settings.h"
#include "window_shortcuts.h"
#include "work_opener.h"

namespace depthstyle::ui {

MainWindow::MainWindow(const QString& modelDirectory, QWidget* parent)
    : QMainWindow(parent),
      displays_(std::make_unique<DisplayCache>()),
      modelDirectoryOverride_(modelDirectory),
      service_(new RenderService(this)),
      controller_(new DocumentController(this)),
      stack_(new QStackedWidget(this)),
      modelsPanel_(new ModelsPanel(this)) {
    parts_.notification = new NotificationBar(this);
    buildPanes();
    buildStatusBar();
    presenter_ = new ResultPresenter(*service_, parts_, *displays_, this);
    loader_ =
        new InputLoader(*controller_, *parts_.notification, *displays_, service_->activity(), this);
    exporter_ = new ExportController(*controller_, *service_, *presenter_, *parts_.notification,
                                     models_, this);
    buildMenus();
    new WindowShortcuts(this);
    const WindowLayout layout{this, splitters_, parts_.result};
    restoreWindowSettings(layout, modelDirectoryOverride_);
    const doc::Parameters saved = restoredParameters();
    controller_->setInitialParameters(saved);
    panel_->setParameters(saved);

    connect(controller_, &DocumentController::documentChanged, this,
            [this](const Document& d, qint64 inputTimeMs) {
                if (panel_->parameters() != d.parameters) {
                    panel_->setParameters(d.parameters);  // an undo, a redo or a load
                }
                updateWindowTitle();
                const auto& focus = d.parameters.focus;
                const std::optional<QPointF> marker =
                    focus ? std::optional<QPointF>(QPointF(focus->x, focus->y)) : std::nullopt;
                for (ImagePane* pane :
                     {static_cast<ImagePane*>(parts_.result), parts_.depth, parts_.strength}) {
                    pane->setMarker(marker);
                }
                brush_->setDepthAware(d.parameters.method == Method::DaAdain);
                styles_->setDocument(d);
                presenter_->showDocument(d, inputTimeMs);
            });
    connect(panel_, &ParameterPanel::parametersChanged, this, [this](ParameterControl control) {
        controller_->changeParameters(panel_->parameters(), control, monotonicMs());
    });
    for (LabeledSlider* slider : panel_->findChildren<LabeledSlider*>()) {
        connect(slider, &LabeledSlider::held, controller_, &DocumentController::holdEditStep);
    }
    connect(panel_, &ParameterPanel::depthFileRequested, loader_, &InputLoader::chooseDepthMap);
    connect(parts_.cancel, &QToolButton::clicked, presenter_, &ResultPresenter::cancel);
    connect(modelsPanel_, &ModelsPanel::checkAgainRequested, this, &MainWindow::checkModels);
    connect(modelsPanel_, &ModelsPanel::modelDirectoryChosen, this, [this](const QString& dir) {
        modelDirectoryOverride_ = dir;
        QSettings().setValue("models/directory", dir);
        checkModels();
    });
    checkModels();
    updateWindowTitle();
    watchEventLoopStalls(this);
}

MainWindow::~MainWindow() {
    // The measurements stop, and are waited for, while the render service
    // whose networks they use still stands (children go in creation order).
    delete stripeTuner_;
    stripeTuner_ = nullptr;
    delete speedAdvisor_;
    speedAdvisor_ = nullptr;
}

void MainWindow::buildPanes() {
    WindowParts& p = parts_;
    p.content = new ImagePane(tr("Content"), this);
    p.style = new ImagePane(tr("Style"), this);
    p.depth = new ImagePane(tr("Depth"), this);
    p.strength = new ImagePane(tr("Strength map P"), this);
    p.result = new ComparePane(tr("Result"), this);
    p.content->setPlaceholder(tr("Drop a photo here\nor press Ctrl+O"));
    p.style->setPlaceholder(tr("Drop a style image here\nor press Ctrl+Shift+O"));
    p.depth->setPlaceholder(tr("The depth map appears here"));
    p.strength->setPlaceholder(tr("The strength map appears here"));
    p.result->setPlaceholder(tr("The result appears here"));
    p.depth->setLegend(proximityLegend(160, 10), tr("far"), tr("near"));
    QImage gray(256, 1, QImage::Format_Grayscale8);
    for (int x = 0; x < 256; ++x) {
        gray.setPixel(x, 0, qRgb(x, x, x));
    }
    p.strength->setLegend(gray, tr("0 style"), tr("1 content"));

    auto* topPair = new QSplitter(Qt::Horizontal);
    topPair->addWidget(p.content);
    topPair->addWidget(p.style);
    auto* bottomPair = new QSplitter(Qt::Horizontal);
    bottomPair->addWidget(p.depth);
    bottomPair->addWidget(p.strength);
    // The depth levels under the depth and strength panes they change.
    panel_ = new ParameterPanel(this);
    auto* depthArea = new QWidget(this);
    auto* depthLayout = new QVBoxLayout(depthArea);
    depthLayout->setContentsMargins(0, 0, 0, 0);
    depthLayout->addWidget(bottomPair, 1);
    depthLayout->addWidget(panel_->levelsBar());
    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(topPair);
    left->addWidget(depthArea);
    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(left);
    main->addWidget(p.result);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    splitters_[0] = main;
    splitters_[1] = left;
    splitters_[2] = topPair;
    splitters_[3] = bottomPair;
    for (QSplitter* s : splitters_) {
        s->setChildrenCollapsible(false);
    }

    auto* workspace = new QWidget(this);
    auto* layout = new QVBoxLayout(workspace);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(p.notification);
    layout->addWidget(main, 1);
    stack_->addWidget(modelsPanel_);
    stack_->addWidget(workspace);
    setCentralWidget(stack_);

    p.chart = new StrengthChart(this);
    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(panel_);
    styles_ = new StylesPanel(this);
    controlsLayout->addWidget(styles_);
    brush_ = new BrushPanel(this);
    painter_ = std::make_unique<StrokePainter>(*controller_, *brush_);
    controlsLayout->addWidget(brush_);
    controlsLayout->addWidget(p.chart, 1);
    auto* dock = new QDockWidget(tr("Controls"), this);
    dock->setObjectName("controlsDock");
    dock->setWidget(controls);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    for (ImagePane* pane :
         {p.content, p.style, p.depth, p.strength, static_cast<ImagePane*>(p.result)}) {
        connect(pane, &ImagePane::enlargeRequested, this, [this, pane] { enlarge(pane); });
    }
    connect(p.content, &ImagePane::filesDropped, this,
            [this](const QStringList& paths) { loader_->dropOnPane(paths, ImageRole::Content); });
    connect(p.style, &ImagePane::filesDropped, this,
            [this](const QStringList& paths) { loader_->dropOnPane(paths, ImageRole::Style); });
    connect(p.result, &ImagePane::filesDropped, this,
            [this](const QStringList& paths, const QPoint& at) {
                loader_->dropOnResult(paths, parts_.result, at);
            });
    p.depth->setAcceptDrops(false);
    p.strength->setAcceptDrops(false);
    // Click the result or the depth pane to set the focus; Alt+click clears.
    for (ImagePane* pane : {static_cast<ImagePane*>(p.result), p.depth}) {
        pane->addTool(std::make_unique<FocusPickerTool>(
            [this](std::optional<QPointF> fraction) { setFocusPoint(fraction); }));
    }
    // With the brush on, a drag paints: P on the strength and result panes,
    // the proximity on the depth pane (asked before the focus picker).
    for (ImagePane* pane : {p.strength, static_cast<ImagePane*>(p.result)}) {
        pane->addTool(std::make_unique<BrushTool>(*painter_, PaintTarget::StrengthOverride));
    }
    p.depth->addTool(std::make_unique<BrushTool>(*painter_, PaintTarget::DepthEdit));
    connect(styles_, &StylesPanel::addRequested, this,
            [this] { loader_->chooseAndOpen(ImageRole::AddedStyle); });
    connect(styles_, &StylesPanel::removeRequested, this,
            [this](size_t index) { controller_->removeStyle(index); });
    connect(styles_, &StylesPanel::weightsChanged, this, [this](const std::vector<double>& w) {
        doc::Parameters p = controller_->document().parameters;
        p.styleMix = StyleMix{StyleMix::Kind::Weights, w};
        try {
            validate(p.styleMix);
        } catch (const EngineError&) {
            styles_->setDocument(controller_->document());  // all zero: not a mix
            return;
        }
        controller_->changeParameters(p, ParameterControl::StyleWeights, monotonicMs());
    });
    connect(styles_, &StylesPanel::mixKindChanged, this, [this](StyleMix::Kind kind) {
        doc::Parameters p = controller_->document().parameters;
        const size_t count = controller_->document().styleCount();
        p.styleMix = kind == StyleMix::Kind::NearFar
                         ? StyleMix{kind, {}}
                         : StyleMix{kind, std::vector<double>(count, 1.0)};
        controller_->changeParameters(p, ParameterControl::StyleMixKind, monotonicMs());
    });
    connect(panel_->levelsBar(), &DepthLevelsBar::clearFocusRequested, this,
            [this] { setFocusPoint(std::nullopt); });

    // Linked zoom: the panes that show the photo's geometry follow each other.
    const std::vector<ImagePane*> linked{p.content, p.depth, p.strength, p.result};
    for (ImagePane* source : linked) {
        connect(source, &ImagePane::viewChanged, this, [this, source, linked](const PaneView& v) {
            if (!zoomLinked_) {
                return;
            }
            for (ImagePane* other : linked) {
                if (other != source) {
                    other->setView(v);
                }
            }
        });
    }
}

void MainWindow::setFocusPoint(std::optional<QPointF> fraction) {
    doc::Parameters p = controller_->document().parameters;
    if (p.method != Method::DaAdain) {
        return;  // plain AdaIN reads no depth
    }
    p.focus = fraction ? std::optional<cv::Point2d>(cv::Point2d(fraction->x(), fraction->y()))
                       : std::nullopt;
    controller_->changeParameters(p, ParameterControl::Focus, monotonicMs());
}

void MainWindow::buildMenus() {
    MenuActions a;
    a.openContent = [this] { loader_->chooseAndOpen(ImageRole::Content); };
    a.openStyle = [this] { loader_->chooseAndOpen(ImageRole::Style); };
    a.openDepthMap = [this] { loader_->chooseDepthMap(); };
    a.openRecent = [this](const QString& path, bool content) {
        loader_->open(path, content ? ImageRole::Content : ImageRole::Style);
    };
    a.exportResult = [this] { exporter_->chooseAndExportResult(); };
    a.exportAll = [this] { exporter_->chooseAndExportAll(); };
    a.loadParameters = [this] { exporter_->chooseAndLoadParameters(); };
    a.copyResult = [this] { exporter_->copyResult(); };
    a.pasteContent = [this] { loader_->paste(ImageRole::Content); };
    a.pasteStyle = [this] { loader_->paste(ImageRole::Style); };
    a.fitAll = [this] {
        for (ImagePane* pane : {parts_.content, parts_.style, parts_.depth, parts_.strength,
                                static_cast<ImagePane*>(parts_.result)}) {
            pane->fitToWindow();
        }
    };
    a.enlargeResult = [this] { enlarge(parts_.result); };
    variations_ = new VariationsView(*controller_, *service_, *parts_.notification, this);
    speedAdvisor_ = new DecoderSpeedAdvisor(*service_, *panel_, *parts_.notification, this);
    stripeTuner_ = new StripeTuner(*service_, this);
    a.showVariations = [this] {
        variations_->show();
        variations_->raise();
        variations_->activateWindow();
    };
    a.zoom = [this](double factor) {
        auto* pane = qobject_cast<ImagePane*>(QApplication::focusWidget());
        if (pane == nullptr || pane->window() != this) {
            pane = parts_.result;
        }
        pane->zoomAt(pane->rect().center(), factor);
    };
    a.zoomLinked = QSettings().value("view/linkZoom", false).toBool();
    a.linkZoom = [this](bool linked) {
        zoomLinked_ = linked;
        QSettings().setValue("view/linkZoom", linked);
    };
    zoomLinked_ = a.zoomLinked;
    a.applyPreset = [this](const QString& key) {
        controller_->applyPreset(*doc::presetByKey(key));
    };
    a.compareWith = [this](int source) {
        presenter_->setCompareWith(static_cast<ResultPresenter::CompareWith>(source));
    };
    connect(exporter_, &ExportController::exportFinished, this, [this](const ExportOutcome& o) {
        if (o.error.isEmpty() && !o.written.isEmpty() && !o.display.isNull()) {
            presenter_->setLastExport(o.display, QFileInfo(o.written.constFirst()).fileName());
        }
    });
    opener_ =
        new WorkOpener(*controller_, *parts_.notification, *displays_, service_->activity(), this);
    a.openWork = [this] { opener_->choose(); };
    presets_ = new PresetActions(*controller_, *parts_.notification, this);
    a.savePreset = [this] { presets_->saveCurrent(); };
    a.importPreset = [this] { presets_->importFromSidecar(); };
    a.applyUserPreset = [this](const QString& name) { presets_->apply(name); };
    a.deleteUserPreset = [this](const QString& name) { presets_->remove(name); };
    buildMainMenus(this, a, controller_->undoStack(), parts_.result, parts_.notification);
    menuBar()->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == menuBar() && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
        QApplication::activePopupWidget() == nullptr && parts_.cancel->isVisible()) {
        presenter_->cancel();  // and the menu bar lets go of the keyboard as usual
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::buildStatusBar() {
    parts_.stage = new QLabel(tr("Ready"), this);
    parts_.progress = new QProgressBar(this);
    parts_.progress->setRange(0, 100);
    parts_.progress->setMaximumWidth(200);
    parts_.progress->setAccessibleName(tr("Render progress"));
    parts_.progress->hide();
    parts_.cancel = new QToolButton(this);
    parts_.cancel->setText(tr("Cancel"));
    parts_.cancel->setToolTip(tr("Stop the running render (Esc)"));
    parts_.cancel->setAccessibleName(tr("Cancel render"));
    parts_.cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    parts_.cancel->hide();
    statusBar()->addWidget(parts_.stage, 1);
    statusBar()->addPermanentWidget(parts_.progress);
    statusBar()->addPermanentWidget(parts_.cancel);
}

void MainWindow::openContent(const QString& path) {
    loader_->open(path, ImageRole::Content);
}
void MainWindow::openStyle(const QString& path) {
    loader_->open(path, ImageRole::Style);
}
void MainWindow::openDepthMap(const QString& path) {
    loader_->openDepthMap(path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const int pending = exporter_->unfinished();
    if (pending > 0 &&
        QMessageBox::question(
            this, tr("Exports Unfinished"),
            tr("%n export(s) are not written yet. Quit and lose them?", "", pending),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    saveWindowSettings({this, splitters_, parts_.result}, controller_->document().parameters);
    presenter_->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::checkModels() {
    const std::string dir = chooseModelDirectory(doc::localPath(modelDirectoryOverride_));
    models_ = ModelFiles::inDirectory(dir);
    const std::vector<std::string> missing = missingModelFiles(models_, true);
    if (missing.empty()) {
        service_->setModelFiles(models_);
        stack_->setCurrentIndex(1);
        presenter_->setRendering(true);
        presenter_->showDocument(controller_->document(), monotonicMs());
        return;
    }
    presenter_->setRendering(false);
    QStringList files;
    for (const std::string& m : missing) {
        files << QString::fromStdString(m);
    }
    QStringList path;
    for (const std::string& p : modelSearchPath(doc::localPath(modelDirectoryOverride_))) {
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
    return parts_.notification->text();
}

void MainWindow::enlarge(ImagePane* pane) {
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(pane->title());
    auto* big = new ImagePane(pane->title(), dialog);
    big->setImage(pane->image(), pane->pictureSize(), pane->detail());
    auto* layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(big);
    dialog->resize(size() * 0.9);
    dialog->show();
}

void MainWindow::updateWindowTitle() {
    // The platform appends " — DepthStyle" (the application's display name)
    // to any title that does not end with it: "chicago.jpg — DepthStyle".
    const Document& d = controller_->document();
    setWindowTitle(d.content.empty() ? QApplication::applicationDisplayName() : d.content.label);
}

}  // namespace depthstyle::ui
