#pragma once

#include <QObject>
#include <QSize>
#include <QStringList>
#include <optional>

#include "depthstyle/model_files.h"
#include "render_values.h"

class QWidget;

namespace depthstyle::ui {

class DocumentController;
class NotificationBar;
class RenderService;
class ResultPresenter;

// Results out and parameters in: asks where, checks that no input would be
// overwritten, and hands the export lane a job with a copy of the document
// as it is now (and the picture on screen, when it shows exactly that
// document). The job writes that document, whatever happens meanwhile.
class LayerLoader;

class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(DocumentController& controller, RenderService& service,
                     const ResultPresenter& presenter, NotificationBar& notification,
                     const ModelFiles& models, QWidget* dialogParent);

    // At the working size (what the window shows), or a final render at the
    // photo's full resolution with the style scaled alike.
    enum class Size { Working, Full };
    // The question asked when the two differ, and the second button's text:
    // the full resolution, or, for a photo smaller than the working size,
    // the photo's own size.
    struct SizeQuestion {
        QString text;
        QString workingButton;
        QString fullButton;
    };
    static SizeQuestion sizeQuestion(QSize original, QSize working);

    // Queue an export of the current document; the job's id, or 0 with a
    // message when there is nothing to export or the user declined.
    quint64 exportResultTo(const QString& path, int quality = 95, Size size = Size::Working);
    quint64 exportAllTo(const QString& folder, Size size = Size::Working);
    // Stops the running export and drops the waiting ones.
    void cancelExports();
    void chooseAndExportResult();
    void chooseAndExportAll();
    void copyResult();
    // Reads the sidecar at once (false, with the message, when it cannot be
    // used); painted layers it names load off the window's thread, and the
    // parameters apply when they are in (a bad layer file is named and
    // nothing changes).
    bool loadParameters(const QString& sidecarPath);
    bool waitForLoads(int timeoutMs);  // tests
    void chooseAndLoadParameters();
    int unfinished() const;

Q_SIGNALS:
    void exportFinished(const depthstyle::ui::ExportOutcome& outcome);

private:
    bool confirmOverwriteOfInputs(const QStringList& targets);
    quint64 enqueue(ExportKind kind, const QString& target, int quality, Size size);
    void onFinished(const ExportOutcome& outcome);
    void onProgress(quint64 id, int stage, double fraction);
    // Asks which size when the full resolution differs from the working
    // size; empty when the user cancelled.
    std::optional<Size> chooseSize();
    void applyLoaded(doc::Parameters parameters, const QString& fileName);

    DocumentController& controller_;
    RenderService& service_;
    const ResultPresenter& presenter_;
    NotificationBar& notification_;
    const ModelFiles& models_;
    QWidget* dialogParent_;
    LayerLoader* layers_;
};

}  // namespace depthstyle::ui
