#pragma once

#include <QObject>

#include <memory>

#include "lane_gate.h"
#include "render_activity.h"
#include "render_values.h"
#include "shared_models.h"
#include "variation_values.h"

namespace depthstyle::ui {

class ExportLane;
class PreviewLane;

// The app's render service (not a widget): a preview lane (latest wins,
// stale results dropped) and an export lane (jobs in order, yielding to the
// preview), both over one shared copy of the networks. Every result is a
// value that carries the request or job it answers. Called on the thread
// that made it (the GUI thread); its signals arrive there.
class RenderService : public QObject {
    Q_OBJECT
public:
    explicit RenderService(QObject* parent = nullptr);
    ~RenderService() override;

    void setModelFiles(const ModelFiles& files);

    // Asks for a render of `document` (with the plain-AdaIN comparison when
    // `comparison`); returns the request's generation.
    quint64 requestPreview(const Document& document, qint64 inputTimeMs, bool comparison = true);
    void cancelPreview();
    quint64 latestGeneration() const { return generation_; }
    SessionCounters previewCounters() const;

    // Variations cells from the preview lane's cached features, after any
    // preview request; a new request replaces the cells still waiting.
    void requestVariations(const VariationsRequest& request);
    void cancelVariations();
    int waitingVariations() const;  // cells not started yet

    // Queues an export; returns its id (the job's own id is set here).
    quint64 enqueueExport(ExportJob job);
    int unfinishedExports() const;
    void cancelExports();
    // The networks both lanes share (loaded by the first that needs them).
    SharedModels& sharedModels() { return models_; }
    // Whether the lanes render (for measurements that wait for them).
    std::shared_ptr<RenderActivity> activity() const { return activity_; }

Q_SIGNALS:
    void previewProgressed(quint64 generation, int stage, double fraction);
    void previewReady(const depthstyle::ui::PreviewResult& result);
    void anchorsReady(const depthstyle::ui::PreviewAnchors& anchors);
    void plainReady(const depthstyle::ui::PlainResult& plain);
    void previewFailed(quint64 generation, const QString& message);
    void previewCancelled(quint64 generation);
    void previewFinished(quint64 generation);  // result and extras done
    void variationReady(const depthstyle::ui::VariationCell& cell);
    void exportProgressed(quint64 id, int stage, double fraction);
    void exportFinished(const depthstyle::ui::ExportOutcome& outcome);

private:
    SharedModels models_;
    LaneGate gate_;
    std::shared_ptr<RenderActivity> activity_ = std::make_shared<RenderActivity>();
    PreviewLane* preview_;
    ExportLane* export_;
    quint64 generation_ = 0;
    quint64 nextExportId_ = 1;
};

}  // namespace depthstyle::ui
