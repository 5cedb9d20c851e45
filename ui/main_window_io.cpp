// Images in, results out, and undo for the main window.
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

#include "compare_pane.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"
#include "exporter.h"
#include "image_convert.h"
#include "main_window.h"
#include "notification_bar.h"
#include "parameter_panel.h"
#include "render_log.h"
#include "state_command.h"

namespace depthstyle::ui {
namespace {

const char* const kImageFilter =
    QT_TRANSLATE_NOOP("MainWindow", "Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)");

QString lastFolder(const QString& key) {
    return QSettings()
        .value("folders/" + key, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
        .toString();
}

void rememberFolder(const QString& key, const QString& path) {
    QSettings().setValue("folders/" + key, QFileInfo(path).absolutePath());
}

}  // namespace

bool MainWindow::openContent(const QString& path) {
    return loadInput(path, true);
}
bool MainWindow::openStyle(const QString& path) {
    return loadInput(path, false);
}

bool MainWindow::loadInput(const QString& path, bool asContent) {
    try {
        const Image image = loadImage(QFile::encodeName(path).toStdString());
        if (!setInputImage(image, QFileInfo(path).fileName(), path, asContent)) {
            return false;
        }
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    addRecent(asContent ? "recent/content" : "recent/style", path);
    rememberFolder(asContent ? "content" : "style", path);
    return true;
}

bool MainWindow::setInputImage(const Image& image, const QString& label, const QString& path,
                               bool asContent) {
    const UiParameters& p = state_.parameters;
    try {
        // Refuse what the engine would refuse, before anything changes.
        scaleToSmallerSide(image, asContent ? p.contentSize : p.styleSize,
                           (path.isEmpty() ? label : path).toStdString());
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    DocumentState after = state_;
    ImageInput input{std::make_shared<const Image>(image), label, nextImageId_++};
    if (asContent) {
        after.content = input;
        after.contentPath = path;
    } else {
        after.style = input;
        after.stylePath = path;
    }
    notification_->hide();
    commit(asContent ? tr("Open Content %1").arg(label) : tr("Open Style %1").arg(label),
           asContent ? "content" : "style", after);
    return true;
}

void MainWindow::applyState(const DocumentState& state) {
    const bool contentChanged = state.content.id != state_.content.id;
    const bool styleChanged = state.style.id != state_.style.id;
    state_ = state;
    panel_->setParameters(state.parameters);
    if (contentChanged && !state.content.empty()) {
        contentPane_->setImage(toQImage(*state.content.image));
    }
    if (styleChanged && !state.style.empty()) {
        stylePane_->setImage(toQImage(*state.style.image));
    }
    updateWindowTitle();
    scheduleRender(monotonicMs());
}

void MainWindow::commit(const QString& text, const QString& control, const DocumentState& after) {
    const DocumentState before = state_;
    applyState(after);
    undo_->push(new StateCommand(text, control, before, after,
                                 [this](const DocumentState& s) { applyState(s); }));
}

void MainWindow::onParametersChanged(const QString& control) {
    const qint64 inputTime = monotonicMs();
    DocumentState after = state_;
    after.parameters = panel_->parameters();
    if (after.parameters == state_.parameters) {
        return;
    }
    const DocumentState before = state_;
    state_ = after;
    scheduleRender(inputTime);
    undo_->push(new StateCommand(tr("Change %1").arg(control), control, before, after,
                                 [this](const DocumentState& s) { applyState(s); }));
}

void MainWindow::onPaneDrop(const QStringList& paths, bool asContent) {
    loadInput(paths.constFirst(), asContent);
}

void MainWindow::onResultDrop(const QStringList& paths, const QPoint& position) {
    QMenu menu(this);
    const QAction* content = menu.addAction(tr("Use as Content"));
    menu.addAction(tr("Use as Style"));
    const QAction* chosen = menu.exec(resultPane_->mapToGlobal(position));
    if (chosen != nullptr) {
        loadInput(paths.constFirst(), chosen == content);
    }
}

void MainWindow::paste(bool asContent) {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (mime != nullptr && mime->hasUrls() && mime->urls().constFirst().isLocalFile()) {
        loadInput(mime->urls().constFirst().toLocalFile(), asContent);
        return;
    }
    const QImage image = QApplication::clipboard()->image();
    if (image.isNull()) {
        showError(tr("The clipboard holds no image."));
        return;
    }
    setInputImage(fromQImage(image), tr("pasted image"), QString(), asContent);
}

void MainWindow::copyResult() {
    if (exact_.result.empty()) {
        showError(tr("There is no result to copy yet."));
        return;
    }
    whenExact([this] { QApplication::clipboard()->setImage(toQImage(exact_.result)); });
}

void MainWindow::chooseAndOpen(bool asContent) {
    const QString path = QFileDialog::getOpenFileName(
        this, asContent ? tr("Open Content Image") : tr("Open Style Image"),
        lastFolder(asContent ? "content" : "style"), tr(kImageFilter));
    if (!path.isEmpty()) {
        loadInput(path, asContent);
    }
}

bool MainWindow::openDepthMap(const QString& path) {
    try {
        loadGrayMap(QFile::encodeName(path).toStdString());
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    DocumentState after = state_;
    after.parameters.depthFromFile = true;
    after.parameters.depthPath = path;
    rememberFolder("depth", path);
    notification_->hide();
    commit(tr("Use Depth Map %1").arg(QFileInfo(path).fileName()), "depth", after);
    return true;
}

void MainWindow::chooseDepthMap() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Depth Map"),
                                                      lastFolder("depth"), tr(kImageFilter));
    if (!path.isEmpty()) {
        openDepthMap(path);
    }
}

bool MainWindow::confirmOverwriteOfInputs(const QStringList& targets) {
    for (const QString& target : targets) {
        for (const QString& input :
             {state_.contentPath, state_.stylePath, state_.parameters.depthPath}) {
            if (!input.isEmpty() && QFileInfo(target) == QFileInfo(input)) {
                const auto answer = QMessageBox::warning(
                    this, tr("Overwrite an Input?"),
                    tr("'%1' is one of the images you are working on. Overwrite it?").arg(target),
                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
                if (answer != QMessageBox::Yes) {
                    return false;
                }
            }
        }
    }
    return true;
}

bool MainWindow::exportResultTo(const QString& path, int quality) {
    if (exact_.result.empty() || !confirmOverwriteOfInputs({path})) {
        return false;
    }
    try {
        exportResult(path, exact_.result, quality, state_.parameters.toJson());
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    notification_->showInfo(tr("Exported the result to %1").arg(path));
    return true;
}

bool MainWindow::exportAllTo(const QString& folder) {
    QStringList targets;
    for (const QString& name : exportAllFileNames()) {
        targets << QDir(folder).filePath(name);
    }
    if (exact_.result.empty() || plain_.empty() || !confirmOverwriteOfInputs(targets)) {
        if (exact_.result.empty()) {
            showError(tr("There is no result to export yet."));
        }
        return false;
    }
    ExportBundle b;
    b.result = exact_.result;
    b.plain = plain_;
    b.contentUsed = exact_.contentUsed;
    b.styleUsed = exact_.styleUsed;
    b.proximity = exact_.proximity;
    b.strengthGrid = exact_.strength;
    b.parameters = state_.parameters;
    b.plainAlpha = exact_.plainAlpha;
    b.contentPath = state_.contentPath;
    b.stylePath = state_.stylePath;
    b.models = models_;
    try {
        exportAll(folder, b);
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    notification_->showInfo(tr("Exported %1 files to %2").arg(targets.size()).arg(folder));
    return true;
}

void MainWindow::chooseAndExportResult() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Result"), lastFolder("export") + "/result.png",
        tr("PNG (*.png);;JPEG (*.jpg);;TIFF (*.tif);;WebP (*.webp)"));
    if (path.isEmpty()) {
        return;
    }
    rememberFolder("export", path);
    int quality = 95;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "jpg" || suffix == "jpeg" || suffix == "webp") {
        bool ok = false;
        quality =
            QInputDialog::getInt(this, tr("Export Quality"), tr("Quality (1-100):"),
                                 QSettings().value("export/quality", 95).toInt(), 1, 100, 1, &ok);
        if (!ok) {
            return;
        }
        QSettings().setValue("export/quality", quality);
    }
    whenExact([this, path, quality] { exportResultTo(path, quality); });
}

void MainWindow::chooseAndExportAll() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Export All into Folder"), lastFolder("export"));
    if (!folder.isEmpty()) {
        QSettings().setValue("folders/export", folder);
        whenExact([this, folder] { exportAllTo(folder); });
    }
}

bool MainWindow::loadParameters(const QString& sidecarPath) {
    try {
        DocumentState after = state_;
        after.parameters = readSidecar(sidecarPath);
        if (after.parameters.depthFromFile && !QFileInfo::exists(after.parameters.depthPath)) {
            after.parameters.depthFromFile = false;
        }
        commit(tr("Load Parameters"), "sidecar", after);
    } catch (const EngineError& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void MainWindow::chooseAndLoadParameters() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load Parameters"), lastFolder("export"), tr("DepthStyle sidecar (*.json)"));
    if (!path.isEmpty()) {
        loadParameters(path);
    }
}

}  // namespace depthstyle::ui
