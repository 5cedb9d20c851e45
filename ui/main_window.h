#pragma once

#include <QMainWindow>
#include <functional>
#include <optional>

#include "depthstyle/model_files.h"
#include "document_state.h"
#include "render_request.h"

class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace depthstyle::ui {

class ComparePane;
class ImagePane;
class ModelsPanel;
class NotificationBar;
class ParameterPanel;
class RenderWorker;
class StrengthChart;

// The DepthStyle window: five panes, the controls, the strength chart, and
// the live render loop on a worker thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `modelDirectory` empty: $DEPTHSTYLE_MODELS, the saved choice, or the
    // per-user directory.
    explicit MainWindow(const QString& modelDirectory = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false, shows a message naming the file and keeps the
    // previous state when the file is not a usable image.
    bool openContent(const QString& path);
    bool openStyle(const QString& path);
    bool openDepthMap(const QString& path);
    bool loadParameters(const QString& sidecarPath);
    // Writes every export file; false with a message on failure.
    bool exportAllTo(const QString& folder);
    bool exportResultTo(const QString& path, int quality = 95);

    // For tests and automation.
    ParameterPanel* parameterPanel() const { return panel_; }
    ImagePane* contentPane() const { return contentPane_; }
    ImagePane* stylePane() const { return stylePane_; }
    ImagePane* depthPane() const { return depthPane_; }
    ImagePane* strengthPane() const { return strengthPane_; }
    ComparePane* resultPane() const { return resultPane_; }
    StrengthChart* chart() const { return chart_; }
    RenderWorker* worker() const { return worker_; }
    QUndoStack* undoStack() const { return undo_; }
    QString message() const;
    bool showingModelSetup() const;
    QString modelSetupText() const;
    // The exact result on screen and the generation it belongs to.
    const Image& exactResult() const { return exact_.result; }
    quint64 exactGeneration() const { return exact_.generation; }
    quint64 latestGeneration() const { return generation_; }
    bool idle() const;
    ModelFiles modelFiles() const { return models_; }

Q_SIGNALS:
    void exactResultShown(quint64 generation);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // main_window.cpp: layout, menus, settings
    void buildPanes();
    void buildMenus();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void checkModels();
    void enlarge(ImagePane* pane);
    void addRecent(const QString& key, const QString& path);
    void fillRecentMenu(QMenu* menu, const QString& key, bool content);

    // main_window_render.cpp: the live loop
    void scheduleRender(qint64 inputTimeMs);
    void showLivePreview(qint64 inputTimeMs);
    void onResult(const RenderOutcome& outcome);
    void onPlain(quint64 generation, const Image& plain, double alpha);
    void onAnchors(const PreviewAnchors& anchors);
    void onFailed(quint64 generation, const QString& message);
    void onProgress(quint64 generation, int stage, double fraction);
    void updateWindowTitle();
    double plainAlpha() const;
    cv::Mat currentStrength() const;

    // main_window_io.cpp: images in, results out, undo
    bool loadInput(const QString& path, bool asContent);
    bool setInputImage(const Image& image, const QString& label, const QString& path,
                       bool asContent);
    void applyState(const DocumentState& state);
    void commit(const QString& text, const QString& control, const DocumentState& after);
    void onParametersChanged(const QString& control);
    void onPaneDrop(const QStringList& paths, bool asContent);
    void onResultDrop(const QStringList& paths, const QPoint& position);
    void paste(bool asContent);
    void copyResult();
    void chooseAndOpen(bool asContent);
    void chooseDepthMap();
    void chooseAndExportResult();
    void chooseAndExportAll();
    void chooseAndLoadParameters();
    bool confirmOverwriteOfInputs(const QStringList& targets);
    void whenExact(std::function<void()> action);
    void showError(const QString& message);

    ModelFiles models_;
    QString modelDirectoryOverride_;
    RenderWorker* worker_;
    QUndoStack* undo_;
    DocumentState state_;
    quint64 nextImageId_ = 1;
    quint64 depthId_ = 1;
    DepthSource lastDepth_;
    quint64 generation_ = 0;
    RenderOutcome exact_;  // the last exact result shown
    Image plain_;
    quint64 plainGeneration_ = 0;
    PreviewAnchors anchors_;
    cv::Mat proximityGrid_;  // of the content on screen, for the live strength map
    quint64 proximityContentId_ = 0;
    int proximityContentSize_ = -1;
    quint64 proximityDepthId_ = 0;
    bool rendering_ = false;
    std::vector<std::function<void()>> afterExact_;

    QStackedWidget* stack_;
    ModelsPanel* modelsPanel_;
    NotificationBar* notification_;
    QSplitter* mainSplitter_;
    QSplitter* leftSplitter_;
    QSplitter* topPair_;
    QSplitter* bottomPair_;
    ImagePane* contentPane_;
    ImagePane* stylePane_;
    ImagePane* depthPane_;
    ImagePane* strengthPane_;
    ComparePane* resultPane_;
    ParameterPanel* panel_;
    StrengthChart* chart_;
    QLabel* stageLabel_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QMenu* recentContent_;
    QMenu* recentStyle_;
};

}  // namespace depthstyle::ui
