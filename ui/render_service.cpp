#include "render_service.h"

#include "export_lane.h"
#include "preview_lane.h"
#include "thread_checks.h"

namespace depthstyle::ui {

RenderService::RenderService(QObject* parent)
    : QObject(parent),
      preview_(new PreviewLane(models_, gate_, *activity_, this)),
      export_(new ExportLane(models_, gate_, *activity_, this)) {
    qRegisterMetaType<depthstyle::ui::PreviewResult>();
    qRegisterMetaType<depthstyle::ui::PreviewAnchors>();
    qRegisterMetaType<depthstyle::ui::PlainResult>();
    qRegisterMetaType<depthstyle::ui::ExportOutcome>();
    qRegisterMetaType<depthstyle::ui::VariationCell>();
    connect(preview_, &PreviewLane::progressed, this, &RenderService::previewProgressed);
    connect(preview_, &PreviewLane::resultReady, this, &RenderService::previewReady);
    connect(preview_, &PreviewLane::anchorsReady, this, &RenderService::anchorsReady);
    connect(preview_, &PreviewLane::plainReady, this, &RenderService::plainReady);
    connect(preview_, &PreviewLane::failed, this, &RenderService::previewFailed);
    connect(preview_, &PreviewLane::cancelled, this, &RenderService::previewCancelled);
    connect(preview_, &PreviewLane::requestDone, this, &RenderService::previewFinished);
    connect(preview_, &PreviewLane::variationReady, this, &RenderService::variationReady);
    connect(export_, &ExportLane::progressed, this, &RenderService::exportProgressed);
    connect(export_, &ExportLane::finished, this, &RenderService::exportFinished);
}

RenderService::~RenderService() {
    // The lanes stop before the models and the gate they use go.
    delete export_;
    delete preview_;
}

void RenderService::setModelFiles(const ModelFiles& files) {
    requireThread(thread(), "RenderService::setModelFiles");
    models_.setFiles(files);
    preview_->resetSession();
    export_->resetSession();
}

quint64 RenderService::requestPreview(const Document& document, qint64 inputTimeMs,
                                      bool comparison) {
    requireThread(thread(), "RenderService::requestPreview");
    PreviewRequest request{++generation_, document, inputTimeMs, comparison};
    preview_->submit(request);
    return request.generation;
}

void RenderService::cancelPreview() {
    requireThread(thread(), "RenderService::cancelPreview");
    preview_->cancel();
}

void RenderService::requestVariations(const VariationsRequest& request) {
    requireThread(thread(), "RenderService::requestVariations");
    preview_->submitVariations(request);
}

void RenderService::cancelVariations() {
    requireThread(thread(), "RenderService::cancelVariations");
    preview_->cancelVariations();
}

int RenderService::waitingVariations() const {
    return preview_->waitingVariations();
}

SessionCounters RenderService::previewCounters() const {
    return preview_->counters();
}

quint64 RenderService::enqueueExport(ExportJob job) {
    requireThread(thread(), "RenderService::enqueueExport");
    job.id = nextExportId_++;
    export_->enqueue(job);
    return job.id;
}

void RenderService::cancelExports() {
    requireThread(thread(), "RenderService::cancelExports");
    export_->cancelAll();
}

int RenderService::unfinishedExports() const {
    return export_->unfinished();
}

}  // namespace depthstyle::ui
