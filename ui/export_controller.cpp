#include "export_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

#include "depthstyle/engine_error.h"
#include "depthstyle/size_policy.h"
#include "document_controller.h"
#include "error_text.h"
#include "export_bundle.h"
#include "image_convert.h"
#include "layer_loader.h"
#include "notification_bar.h"
#include "recent_places.h"
#include "render_service.h"
#include "result_presenter.h"
#include "sidecar.h"

namespace depthstyle::ui {

ExportController::ExportController(DocumentController& controller, RenderService& service,
                                   const ResultPresenter& presenter, NotificationBar& notification,
                                   const ModelFiles& models, QWidget* dialogParent)
    : QObject(dialogParent),
      controller_(controller),
      service_(service),
      presenter_(presenter),
      notification_(notification),
      models_(models),
      dialogParent_(dialogParent),
      layers_(new LayerLoader(this)) {
    connect(&service_, &RenderService::exportFinished, this, &ExportController::onFinished);
    connect(&service_, &RenderService::exportProgressed, this, &ExportController::onProgress);
}

void ExportController::cancelExports() {
    service_.cancelExports();
}

void ExportController::onProgress(quint64, int, double fraction) {
    notification_.showInfo(tr("Rendering the export… %1%").arg(qRound(fraction * 100)),
                           tr("Cancel Export"), [this] { cancelExports(); });
}

int ExportController::unfinished() const {
    return service_.unfinishedExports();
}

bool ExportController::confirmOverwriteOfInputs(const QStringList& targets) {
    const Document& d = controller_.document();
    for (const QString& target : targets) {
        for (const QString& input : {d.contentPath, d.stylePath, d.parameters.depthPath}) {
            if (!input.isEmpty() && QFileInfo(target) == QFileInfo(input)) {
                const auto answer = QMessageBox::warning(
                    dialogParent_, tr("Overwrite an Input?"),
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

quint64 ExportController::enqueue(ExportKind kind, const QString& target, int quality, Size size) {
    const Document& d = controller_.document();
    if (!d.complete()) {
        notification_.showError(tr("There is no result to export yet."));
        return 0;
    }
    QStringList targets{target};
    if (kind == ExportKind::All) {
        targets.clear();
        for (const QString& name : doc::exportSetFileNames(d.parameters, d.moreStyles.size())) {
            targets << QDir(target).filePath(name);
        }
    }
    if (!confirmOverwriteOfInputs(targets)) {
        return 0;
    }
    ExportJob job;
    job.kind = kind;
    job.document = d;
    job.target = target;
    job.quality = quality;
    job.models = models_;
    if (size == Size::Full) {
        job.document.parameters = doc::atFullResolution(d.parameters, d.content.image->width(),
                                                        d.content.image->height());
        job.tunedContentSize = d.parameters.contentSize;
        job.tunedStyleSize = d.parameters.styleSize;
    }
    job.rendered = presenter_.exactFor(job.document);
    job.plain = presenter_.plainFor(job.document);
    const quint64 id = service_.enqueueExport(job);
    controller_.closeEditStep();  // the state exported stays reachable by undo
    notification_.showInfo(job.rendered ? tr("Exporting to %1…").arg(target)
                                        : tr("Rendering and exporting to %1…").arg(target));
    return id;
}

quint64 ExportController::exportResultTo(const QString& path, int quality, Size size) {
    return enqueue(ExportKind::Result, path, quality, size);
}

quint64 ExportController::exportAllTo(const QString& folder, Size size) {
    return enqueue(ExportKind::All, folder, 95, size);
}

ExportController::SizeQuestion ExportController::sizeQuestion(QSize original, QSize working) {
    const auto size = [](QSize s) {
        return QStringLiteral("%1×%2").arg(s.width()).arg(s.height());
    };
    // Where the working size enlarges the photo, its own size is the smaller.
    const bool enlarged = original.width() < working.width();
    SizeQuestion question;
    question.workingButton = tr("Working Size (%1)").arg(size(working));
    question.text = enlarged ? tr("Export at the working size, as the window shows it, or render "
                                  "the photo at its own, smaller size? That render runs in the "
                                  "background with the style scaled alike, so strokes keep their "
                                  "size relative to the picture.")
                             : tr("Export at the working size, as the window shows it, or render "
                                  "the photo at its full resolution? The full-resolution render "
                                  "runs in the background with the style scaled alike, so "
                                  "strokes keep their size relative to the picture.");
    question.fullButton =
        (enlarged ? tr("Photo's Size (%1)") : tr("Full Resolution (%1)")).arg(size(original));
    return question;
}

std::optional<ExportController::Size> ExportController::chooseSize() {
    const Document& d = controller_.document();
    if (!d.complete()) {
        return Size::Working;  // enqueue() says there is nothing to export
    }
    const cv::Size original = d.content.image->rgb.size();
    const cv::Size working = scaledSize(original, d.parameters.contentSize);
    if (working == original) {
        return Size::Working;
    }
    const SizeQuestion question =
        sizeQuestion(QSize(original.width, original.height), QSize(working.width, working.height));
    QMessageBox box(QMessageBox::Question, tr("Export Size"), question.text, QMessageBox::Cancel,
                    dialogParent_);
    QAbstractButton* workingButton = box.addButton(question.workingButton, QMessageBox::AcceptRole);
    QAbstractButton* fullButton = box.addButton(question.fullButton, QMessageBox::AcceptRole);
    // The limits, before anything is queued: the photo at its own size and
    // the style scaled alike.
    const doc::Parameters full =
        doc::atFullResolution(d.parameters, original.width, original.height);
    try {
        checkScaledSize(original, 0, d.content.label.toStdString());
        checkScaledSize(d.style.image->rgb.size(), full.styleSize, d.style.label.toStdString());
    } catch (const EngineError& e) {
        fullButton->setEnabled(false);
        box.setInformativeText(tr("Full resolution is not possible here: %1").arg(errorText(e)));
    }
    box.setDefaultButton(qobject_cast<QPushButton*>(workingButton));
    box.exec();
    if (box.clickedButton() == workingButton) {
        return Size::Working;
    }
    if (box.clickedButton() == fullButton) {
        return Size::Full;
    }
    return std::nullopt;
}

void ExportController::onFinished(const ExportOutcome& outcome) {
    if (outcome.cancelled) {
        notification_.showInfo(
            tr("Export to %1 cancelled; nothing was written.").arg(outcome.target));
    } else if (!outcome.error.isEmpty()) {
        notification_.showError(outcome.error);
    } else if (outcome.kind == ExportKind::All) {
        notification_.showInfo(
            tr("Exported %1 files to %2").arg(outcome.written.size()).arg(outcome.target));
    } else {
        notification_.showInfo(tr("Exported the result to %1").arg(outcome.target));
    }
    Q_EMIT exportFinished(outcome);
}

void ExportController::chooseAndExportResult() {
    const QString path = QFileDialog::getSaveFileName(
        dialogParent_, tr("Export Result"), lastFolder("export") + "/result.png",
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
            QInputDialog::getInt(dialogParent_, tr("Export Quality"), tr("Quality (1-100):"),
                                 QSettings().value("export/quality", 95).toInt(), 1, 100, 1, &ok);
        if (!ok) {
            return;
        }
        QSettings().setValue("export/quality", quality);
    }
    if (const std::optional<Size> size = chooseSize()) {
        exportResultTo(path, quality, *size);
    }
}

void ExportController::chooseAndExportAll() {
    const QString folder = QFileDialog::getExistingDirectory(
        dialogParent_, tr("Export All into Folder"), lastFolder("export"));
    if (folder.isEmpty()) {
        return;
    }
    QSettings().setValue("folders/export", folder);
    const QStringList existing = doc::existingExportFiles(folder);
    if (!existing.isEmpty() &&
        QMessageBox::question(dialogParent_, tr("Replace the Exported Set?"),
                              tr("%1 already holds an exported set (%2). Replace it?")
                                  .arg(folder, existing.join(QStringLiteral(", "))),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes) {
        return;
    }
    if (const std::optional<Size> size = chooseSize()) {
        exportAllTo(folder, *size);
    }
}

void ExportController::copyResult() {
    const std::optional<PreviewResult> shown = presenter_.exactFor(controller_.document());
    if (!shown) {
        notification_.showError(presenter_.exact()
                                    ? tr("The result of these settings is still rendering.")
                                    : tr("There is no result to copy yet."));
        return;
    }
    QApplication::clipboard()->setImage(toQImage(shown->result));
}

bool ExportController::loadParameters(const QString& sidecarPath) {
    doc::Parameters p;
    try {
        // A final render's sidecar: back to the sizes the look was tuned at.
        p = doc::readSidecar(sidecarPath).workingParameters();
    } catch (const EngineError& e) {
        notification_.showError(errorText(e));
        return false;
    }
    if (p.depthFromFile && !QFileInfo::exists(p.depthPath)) {
        p.depthFromFile = false;
    }
    const QString name = QFileInfo(sidecarPath).fileName();
    if (p.depthEditPath.isEmpty() && p.strengthOverridePath.isEmpty()) {
        applyLoaded(p, name);
        return true;
    }
    // Picture-sized files: read off the window's thread.
    layers_->load(p, [this, name](const doc::Parameters& loaded, const QString& error) {
        if (!error.isEmpty()) {
            notification_.showError(error);  // a bad layer file is named; nothing changes
            return;
        }
        applyLoaded(loaded, name);
    });
    return true;
}

bool ExportController::waitForLoads(int timeoutMs) {
    return layers_->waitForIdle(timeoutMs);
}

void ExportController::applyLoaded(doc::Parameters p, const QString& fileName) {
    // The parameters load, not the images: a mix of more styles than the
    // document holds waits until they are added.
    if (!styleMixFits(p.styleMix, controller_.document().styleCount())) {
        p.styleMix = StyleMix{};
        notification_.showInfo(
            tr("%1 mixes several styles; add them with Add Style to mix them again.")
                .arg(fileName));
    }
    controller_.loadParameters(p, fileName);
}

void ExportController::chooseAndLoadParameters() {
    const QString path =
        QFileDialog::getOpenFileName(dialogParent_, tr("Load Parameters"), lastFolder("export"),
                                     tr("DepthStyle sidecar (*.json)"));
    if (!path.isEmpty()) {
        loadParameters(path);
    }
}

}  // namespace depthstyle::ui
