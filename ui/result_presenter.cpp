#include "result_presenter.h"

#include <algorithm>

#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "compare_pane.h"
#include "depthstyle/preview_blend.h"
#include "depthstyle/strength_map.h"
#include "display_cache.h"
#include "image_convert.h"
#include "image_pane.h"
#include "live_blender.h"
#include "memory_release.h"
#include "notification_bar.h"
#include "render_log.h"
#include "render_service.h"
#include "strength_chart.h"
#include "thread_checks.h"

namespace depthstyle::ui {
namespace {

QString stageText(int stage) {
    switch (static_cast<Stage>(stage)) {
        case Stage::Depth:
            return ResultPresenter::tr("estimating depth");
        case Stage::ContentEncoding:
            return ResultPresenter::tr("encoding content");
        case Stage::StyleEncoding:
            return ResultPresenter::tr("encoding style");
        case Stage::AdaIN:
            return ResultPresenter::tr("AdaIN");
        case Stage::StrengthMap:
            return ResultPresenter::tr("strength map");
        case Stage::Decoding:
            return ResultPresenter::tr("decoding");
    }
    return {};
}

QString resultLabel(const doc::Parameters& p) {
    return p.method == Method::Adain
               ? ResultPresenter::tr("AdaIN α %1").arg(p.alpha, 0, 'f', 2)
               : ResultPresenter::tr("DA-AdaIN β %1 ε %2").arg(p.beta).arg(p.epsilon);
}

QString comparisonLabel(const doc::Parameters& p, double alpha) {
    const QString base = ResultPresenter::tr("AdaIN α %1").arg(alpha, 0, 'f', 2);
    if (p.method == Method::Adain) {
        return ResultPresenter::tr("%1 (the same as the result)").arg(base);
    }
    return p.matchedStrength ? ResultPresenter::tr("%1 (matched strength)").arg(base) : base;
}

}  // namespace

ResultPresenter::ResultPresenter(RenderService& service, const WindowParts& parts,
                                 const DisplayCache& displays, QObject* parent)
    : QObject(parent),
      service_(service),
      parts_(parts),
      displays_(displays),
      blender_(new LiveBlender(this)) {
    connect(&service_, &RenderService::previewReady, this, &ResultPresenter::onResult);
    connect(&service_, &RenderService::plainReady, this, &ResultPresenter::onPlain);
    connect(&service_, &RenderService::anchorsReady, this,
            [this](const PreviewAnchors& anchors) { anchors_ = anchors; });
    connect(&service_, &RenderService::previewFailed, this, &ResultPresenter::onFailed);
    connect(&service_, &RenderService::previewProgressed, this, &ResultPresenter::onProgress);
    connect(&service_, &RenderService::previewCancelled, this, [this](quint64 generation) {
        if (generation == latest_) {
            finish(Status::Cancelled, tr("Cancelled"));
        }
    });
    connect(&service_, &RenderService::previewFinished, this, [this](quint64 generation) {
        if (generation == latest_ && exact_) {
            qCDebug(lcRender, "request %llu: done", static_cast<unsigned long long>(generation));
            if (shrunk_) {
                shrunk_ = false;
                releaseFreeMemorySoon();  // the larger pictures are gone from every lane
            }
            finish(Status::Idle,
                   tr("Ready: %1×%2").arg(exact_->result.width()).arg(exact_->result.height()));
        }
    });
    connect(parts_.result, &ComparePane::modeChanged, this, &ResultPresenter::onComparisonShown);
    connect(blender_, &LiveBlender::blended, this, &ResultPresenter::onBlended);
    connect(parts_.result, &ImagePane::painted, this, [this] {
        if (unpaintedInputMs_ >= 0) {
            qCDebug(lcRender, "request %llu: first visual update after %lld ms (painted)",
                    static_cast<unsigned long long>(latest_), monotonicMs() - unpaintedInputMs_);
            unpaintedInputMs_ = -1;
        }
    });
}

bool ResultPresenter::comparisonShown() const {
    return parts_.result->mode() != ComparePane::Mode::Off;
}

bool ResultPresenter::plainWanted() const {
    return comparisonShown() && compareWith_ == CompareWith::PlainAdain;
}

void ResultPresenter::setCompareWith(CompareWith source) {
    compareWith_ = source;
    showComparison();
    onComparisonShown();  // plain AdaIN is rendered only while it is wanted
}

void ResultPresenter::setLastExport(const QImage& display, const QString& name) {
    lastExport_ = display;
    lastExportName_ = name;
    if (compareWith_ == CompareWith::LastExport) {
        showComparison();
    }
}

void ResultPresenter::showComparison() {
    const QString result = exact_ ? resultLabel(exact_->request.document.parameters) : QString();
    parts_.result->setMissingNote(QString());  // plain AdaIN and the photo: on their way
    switch (compareWith_) {
        case CompareWith::PlainAdain:
            if (plain_ && plainFor(shown_)) {
                parts_.result->setComparison(plain_->display, plain_->detail);
                parts_.result->setLabels(
                    result, comparisonLabel(plain_->request.document.parameters, plain_->alpha));
            } else {
                parts_.result->setComparison(QImage());  // on its way
            }
            return;
        case CompareWith::Photo:
            parts_.result->setComparison(exact_ ? exact_->display.content : QImage());
            parts_.result->setLabels(result, tr("Photo"));
            return;
        case CompareWith::LastExport:
            parts_.result->setComparison(lastExport_);
            parts_.result->setLabels(result, tr("Export %1").arg(lastExportName_));
            parts_.result->setMissingNote(
                lastExport_.isNull()
                    ? tr("No export yet to compare with")
                    : tr("The last export, %1, is of another picture").arg(lastExportName_));
            return;
    }
}

void ResultPresenter::onComparisonShown() {
    // Skipped while hidden: render it now for the document on screen.
    if (plainWanted() && enabled_ && shown_.complete() && !plainFor(shown_)) {
        latest_ = service_.requestPreview(shown_, monotonicMs(), true);
        status_ = Status::Rendering;
        parts_.cancel->show();
    }
}

void ResultPresenter::showInput(ImagePane* pane, const doc::ImageInput& input) const {
    QImage display = displays_.find(input.id);
    if (display.isNull()) {
        display = toDisplayQImage(*input.image);  // beyond the cache: rare
    }
    const cv::Size size = input.image->rgb.size();
    pane->setImage(display, QSize(size.width, size.height));
}

void ResultPresenter::setStale(bool stale, bool updating) {
    for (ImagePane* pane :
         {parts_.depth, parts_.strength, static_cast<ImagePane*>(parts_.result)}) {
        pane->setStale(stale, updating);
    }
}

void ResultPresenter::setRendering(bool enabled) {
    enabled_ = enabled;
}

void ResultPresenter::showDocument(const Document& d, qint64 inputTimeMs) {
    requireThread(thread(), "ResultPresenter::showDocument");
    if (d.content.id != shown_.content.id && !d.content.empty()) {
        showInput(parts_.content, d.content);
    }
    if (d.style.id != shown_.style.id && !d.style.empty()) {
        showInput(parts_.style, d.style);
    }
    shown_ = d;
    parts_.chart->setSettings(d.parameters.strength());  // with or without images
    if (!enabled_ || !d.complete()) {
        return;
    }
    latest_ = service_.requestPreview(d, inputTimeMs, plainWanted());
    status_ = Status::Rendering;
    parts_.cancel->show();
    setStale(true);
    showLivePreview(d, inputTimeMs);
}

void ResultPresenter::cancel() {
    service_.cancelPreview();
}

void ResultPresenter::showLivePreview(const Document& d, qint64 inputTimeMs) {
    const StrengthSettings settings = d.parameters.strength();
    parts_.chart->setSettings(settings);
    if (!exact_ || !d.sameContentInputs(exact_->request.document)) {
        return;  // no proximity of this content yet
    }
    // Off the window's thread, at about the pane's size on screen: the cost
    // does not grow with the working size and the window never waits.
    LiveBlendRequest request;
    request.generation = latest_;
    request.inputTimeMs = inputTimeMs;
    request.settings = settings;
    request.proximity = exact_->proximity;
    request.picture = exact_->result.rgb.size();
    const QWidget* pane = parts_.result;
    const int side =
        static_cast<int>(std::max(pane->width(), pane->height()) * pane->devicePixelRatioF());
    request.target = previewProxySize(request.picture, std::clamp(side, 256, kPreviewProxySide));
    if (anchors_ && d.sameAnchorInputs(anchors_->request.document)) {
        request.proxyStyle = anchors_->proxyStyle;
        request.proxyContent = anchors_->proxyContent;
    }
    blender_->submit(request);
}

void ResultPresenter::onBlended(const LiveBlend& blend) {
    if (blend.generation != latest_ || !exact_ || exact_->request.generation == latest_) {
        return;  // stale, or the exact result is already on screen
    }
    const QSize picture(exact_->result.width(), exact_->result.height());
    parts_.strength->setImage(blend.strength, picture);
    if (!blend.depth.isNull()) {
        parts_.depth->setImage(blend.depth, picture);
        parts_.chart->setProximity(blend.gridProximity, exact_->result.rgb.size());
    }
    if (blend.result.isNull()) {
        qCDebug(lcRender, "request %llu: first visual update after %lld ms (strength map, chart)",
                static_cast<unsigned long long>(blend.generation),
                monotonicMs() - blend.inputTimeMs);
        return;
    }
    parts_.result->setImage(blend.result, picture);
    unpaintedInputMs_ = blend.inputTimeMs;  // logged once the result pane has painted it
}

void ResultPresenter::onResult(const PreviewResult& r) {
    if (r.request.generation != latest_) {
        return;  // stale: a newer request is on its way
    }
    if (exact_ && r.result.rgb.total() < exact_->result.rgb.total()) {
        shrunk_ = true;
    }
    exact_ = r;
    status_ = Status::Preparing;
    setStale(false);
    if (!renderError_.isEmpty() && parts_.notification->text() == renderError_) {
        parts_.notification->hide();  // the failure is over
    }
    renderError_.clear();
    const Document& d = r.request.document;
    if (plain_ &&
        !(d.sameAnchorInputs(plain_->request.document) &&
          plain_->alpha == comparisonAlpha(d.parameters, r.strength) &&
          plain_->request.document.parameters.fastDecoding == d.parameters.fastDecoding) &&
        compareWith_ == CompareWith::PlainAdain) {
        parts_.result->setComparison(QImage());  // it showed another picture
    }
    const auto sizeOf = [](const Image& image) { return QSize(image.width(), image.height()); };
    const QSize picture = sizeOf(r.result);
    parts_.result->setImage(r.display.result, picture, r.display.resultDetail);
    parts_.content->setImage(r.display.content, sizeOf(r.contentUsed));
    // Several styles show as one strip: its own size is the picture's.
    parts_.style->setImage(r.display.style,
                           d.styleCount() > 1 ? r.display.style.size() : sizeOf(r.styleUsed));
    parts_.depth->setImage(r.display.depth, picture);
    parts_.strength->setImage(r.display.strength, picture);
    parts_.chart->setProximity(r.proximityGrid, r.result.rgb.size());
    if (compareWith_ != CompareWith::PlainAdain) {
        showComparison();  // the photo as used, or the last export, with new labels
    }
    parts_.chart->setSettings(r.request.document.parameters.strength());
    parts_.stage->setText(tr("Rendered %1×%2 in %3 ms")
                              .arg(r.result.width())
                              .arg(r.result.height())
                              .arg(monotonicMs() - r.request.inputTimeMs));
    qCDebug(lcRender, "request %llu: exact result shown after %lld ms",
            static_cast<unsigned long long>(r.request.generation),
            monotonicMs() - r.request.inputTimeMs);
}

void ResultPresenter::onPlain(const PlainResult& plain) {
    if (plain.request.generation != latest_) {
        return;
    }
    plain_ = plain;
    if (compareWith_ != CompareWith::PlainAdain) {
        return;  // kept for when plain AdaIN is chosen again
    }
    parts_.result->setComparison(plain.display, plain.detail);
    const doc::Parameters& p = plain.request.document.parameters;
    parts_.result->setLabels(resultLabel(p), comparisonLabel(p, plain.alpha));
}

void ResultPresenter::onFailed(quint64 generation, const QString& message) {
    if (generation != latest_) {
        return;
    }
    finish(Status::Failed, tr("Failed"));
    parts_.notification->showError(message);
    renderError_ = message;
}

void ResultPresenter::onProgress(quint64 generation, int stage, double fraction) {
    if (generation != latest_) {
        return;
    }
    // After the exact result the lane prepares the preview and comparison.
    const bool exactShown = exact_ && exact_->request.generation == generation;
    parts_.stage->setText(exactShown ? tr("Preparing the live preview and the AdaIN comparison…")
                                     : tr("Rendering: %1…").arg(stageText(stage)));
    parts_.progress->setValue(static_cast<int>(fraction * 100));
    parts_.progress->show();
}

void ResultPresenter::finish(Status status, const QString& text) {
    status_ = status;
    if ((status == Status::Cancelled || status == Status::Failed) && parts_.result->isStale()) {
        setStale(true, false);  // nothing is updating them any more
    }
    parts_.stage->setText(text);
    parts_.progress->hide();
    parts_.cancel->hide();
}

std::optional<PreviewResult> ResultPresenter::exactFor(const Document& d) const {
    if (exact_ && exact_->request.document.samePicture(d)) {
        return exact_;
    }
    return std::nullopt;
}

std::optional<PlainResult> ResultPresenter::plainFor(const Document& d) const {
    if (plain_ && plain_->request.document.samePicture(d)) {
        return plain_;
    }
    return std::nullopt;
}

}  // namespace depthstyle::ui
