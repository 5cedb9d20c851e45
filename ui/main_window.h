#pragma once

#include <QMainWindow>
#include <QPointF>
#include <optional>

#include <memory>

#include "depthstyle/model_files.h"
#include "window_parts.h"

class QSplitter;
class QStackedWidget;
class QUndoStack;

namespace depthstyle::ui {

class DisplayCache;
class DocumentController;
class ExportController;
class InputLoader;
class ModelsPanel;
class BrushPanel;
class ParameterPanel;
class StrokePainter;
class StylesPanel;
class PresetActions;
class WorkOpener;
class RenderService;
class ResultPresenter;
class VariationsView;
class DecoderSpeedAdvisor;
class StripeTuner;

// The DepthStyle window: lays out the five panes, the controls and the
// strength chart, and wires the document controller, the render service,
// the presenter, the input loader and the export controller together.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `modelDirectory` empty: $DEPTHSTYLE_MODELS, the saved choice, or the
    // per-user directory.
    explicit MainWindow(const QString& modelDirectory = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each decodes the file off the window's thread; a file that is not a
    // usable image shows a message naming it and keeps the previous state.
    // InputLoader::loadFinished() tells when it is done.
    void openContent(const QString& path);
    void openStyle(const QString& path);
    void openDepthMap(const QString& path);

    // The window's parts, for tests and automation.
    const WindowParts& parts() const { return parts_; }
    ParameterPanel* parameterPanel() const { return panel_; }
    BrushPanel* brushPanel() const { return brush_; }
    StylesPanel* stylesPanel() const { return styles_; }
    PresetActions& presetActions() const { return *presets_; }
    WorkOpener& workOpener() const { return *opener_; }
    DocumentController& document() const { return *controller_; }
    RenderService& renderService() const { return *service_; }
    const ResultPresenter& presenter() const { return *presenter_; }
    ExportController& exporter() const { return *exporter_; }
    InputLoader& inputLoader() const { return *loader_; }
    VariationsView& variations() const { return *variations_; }
    DecoderSpeedAdvisor& decoderSpeedAdvisor() const { return *speedAdvisor_; }
    StripeTuner& stripeTuner() const { return *stripeTuner_; }
    QString message() const;
    bool showingModelSetup() const;
    QString modelSetupText() const;
    ModelFiles modelFiles() const { return models_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    // The menu bar keeps the keyboard after a menu closes and would eat the
    // first Esc: that Esc cancels a running render too.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildPanes();
    void buildStatusBar();
    void buildMenus();
    // Sets (a point as fractions of the picture) or clears the focus, as
    // one undoable step.
    void setFocusPoint(std::optional<QPointF> fraction);
    void checkModels();
    void enlarge(ImagePane* pane);
    void updateWindowTitle();

    ModelFiles models_;
    std::unique_ptr<DisplayCache> displays_;
    QString modelDirectoryOverride_;
    RenderService* service_;
    DocumentController* controller_;
    WindowParts parts_;
    ResultPresenter* presenter_ = nullptr;
    InputLoader* loader_ = nullptr;
    ExportController* exporter_ = nullptr;
    QStackedWidget* stack_;
    ModelsPanel* modelsPanel_;
    ParameterPanel* panel_ = nullptr;
    BrushPanel* brush_ = nullptr;
    StylesPanel* styles_ = nullptr;
    PresetActions* presets_ = nullptr;
    WorkOpener* opener_ = nullptr;
    VariationsView* variations_ = nullptr;
    DecoderSpeedAdvisor* speedAdvisor_ = nullptr;
    StripeTuner* stripeTuner_ = nullptr;
    std::unique_ptr<StrokePainter> painter_;
    QSplitter* splitters_[4] = {};  // main, left, top pair, bottom pair
    bool zoomLinked_ = false;
};

}  // namespace depthstyle::ui
