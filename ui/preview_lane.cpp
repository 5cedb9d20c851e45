#include "preview_lane.h"

#include <QMutexLocker>
#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/preview_blend.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/strength_map.h"
#include "error_text.h"
#include "image_convert.h"
#include "lane_gate.h"
#include "render_activity.h"
#include "shared_models.h"
#include "style_strip.h"
#include "thread_checks.h"

namespace depthstyle::ui {
namespace {

bool isEncodeStage(Stage stage) {
    return stage == Stage::Depth || stage == Stage::ContentEncoding ||
           stage == Stage::StyleEncoding || stage == Stage::AdaIN;
}

}  // namespace

PreviewLane::PreviewLane(SharedModels& models, LaneGate& gate, RenderActivity& activity,
                         QObject* parent)
    : QThread(parent), models_(models), gate_(gate), activity_(activity) {}

PreviewLane::~PreviewLane() {
    {
        const QMutexLocker lock(&mutex_);
        quit_ = true;
        pending_.reset();
        variations_.reset();
        abandon_ = true;
        abandonCell_ = true;
        wake_.wakeOne();
    }
    wait();
}

void PreviewLane::submit(const PreviewRequest& request) {
    requireNotThread(this, "PreviewLane::submit");
    const QMutexLocker lock(&mutex_);
    pending_ = request;
    // A running encode whose features the new request needs as well runs
    // on; the lane stops it when it reaches a stage the new request changes.
    const Document& d = request.document;
    const bool keepEncode =
        running_ && encoding_ && d.sameContentInputs(*running_) && d.sameStyleInputs(*running_);
    if (!keepEncode) {
        abandon_ = true;      // the running request, if any, is stale now
        abandonCell_ = true;  // a running cell waits until after the request
    }
    if (!isRunning()) {
        start(QThread::LowPriority);
    } else {
        wake_.wakeOne();
    }
}

void PreviewLane::cancel() {
    std::optional<quint64> dropped;
    {
        const QMutexLocker lock(&mutex_);
        if (pending_) {
            dropped = pending_->generation;
        }
        pending_.reset();
        abandon_ = true;
    }
    // A request dropped before it started ends here; a running one ends with
    // its own cancelled() when it stops.
    if (dropped) {
        Q_EMIT cancelled(*dropped);
    }
}

void PreviewLane::submitVariations(const VariationsRequest& request) {
    requireNotThread(this, "PreviewLane::submitVariations");
    const QMutexLocker lock(&mutex_);
    variations_ = request;
    if (cellRunning_ && *cellRunning_ != request.id) {
        abandonCell_ = true;  // a cell of an older document state
    }
    if (!isRunning()) {
        start(QThread::LowPriority);
    } else {
        wake_.wakeOne();
    }
}

void PreviewLane::cancelVariations() {
    const QMutexLocker lock(&mutex_);
    variations_.reset();
    if (cellRunning_) {
        abandonCell_ = true;
    }
}

int PreviewLane::waitingVariations() const {
    const QMutexLocker lock(&mutex_);
    return variations_ ? static_cast<int>(variations_->cells.size()) : 0;
}

void PreviewLane::resetSession() {
    const QMutexLocker lock(&mutex_);
    reset_ = true;
}

SessionCounters PreviewLane::counters() const {
    const QMutexLocker lock(&mutex_);
    return counters_;
}

bool PreviewLane::superseded() const {
    const QMutexLocker lock(&mutex_);
    return pending_.has_value() || quit_;
}

void PreviewLane::run() {
    for (;;) {
        std::optional<PreviewRequest> request;
        // Or a cell: its request's id, document and side, and its values.
        quint64 cellId = 0;
        Document cellBase;
        VariationValues cellValues;
        int cellSide = 0;
        {
            QMutexLocker lock(&mutex_);
            const auto cellsWait = [this] { return variations_ && !variations_->cells.empty(); };
            while (!pending_ && !cellsWait() && !quit_) {
                wake_.wait(&mutex_);
            }
            if (quit_) {
                return;
            }
            if (reset_) {
                reset_ = false;
                feeder_.reset();
                anchors_.reset();
                last_.reset();
            }
            if (pending_) {
                request = *pending_;
                pending_.reset();
                running_ = request->document;
                abandon_ = false;
            } else {
                cellId = variations_->id;
                cellBase = variations_->document;
                cellSide = variations_->cellSide;
                cellValues = variations_->cells.front();
                variations_->cells.erase(variations_->cells.begin());
                running_ = variationDocument(cellBase, cellValues);
                cellRunning_ = cellId;
                abandonCell_ = false;
            }
        }
        {
            const RenderActivity::Rendering rendering(activity_);
            if (request) {
                process(*request);
                gate_.setPreviewBusy(false);
            } else {
                renderCell(cellId, cellBase, cellValues, cellSide);
            }
        }
        {
            const QMutexLocker lock(&mutex_);
            running_.reset();
            cellRunning_.reset();
            encoding_ = false;
        }
        publishCounters();
    }
}

void PreviewLane::publishCounters() {
    const QMutexLocker lock(&mutex_);
    counters_ = feeder_.counters();
}

Progress PreviewLane::progressFor(quint64 generation) {
    Progress progress;
    progress.cancel = &abandon_;
    progress.report = [this, generation](Stage stage, double fraction) {
        const bool encode = isEncodeStage(stage);
        encoding_ = encode;
        if (!encode && superseded()) {
            abandon_ = true;  // an encode kept for a newer request ends here
        }
        Q_EMIT progressed(generation, static_cast<int>(stage), fraction);
    };
    return progress;
}

PreviewResult PreviewLane::exactResult(Session& session, const PreviewRequest& r,
                                       const Progress& progress) {
    if (last_ && last_->request.document.samePicture(r.document)) {
        PreviewResult again = *last_;  // e.g. the comparison was switched on
        again.request = r;
        return again;
    }
    const doc::Parameters& p = r.document.parameters;
    PreviewResult result;
    result.request = r;
    if (!abandon_) {
        session.prepareRender(p.renderParams());
    }
    result.result = session.render(p.renderParams(), progress);
    result.proximity = session.proximity(progress);
    const cv::Mat adjusted = session.adjustedProximity(p.strength(), progress);
    result.proximityGrid = proximityOnFeatureGrid(adjusted);
    result.strength = session.strengthMap(p.renderParams(), progress);
    result.contentUsed = session.content();
    result.styleUsed = session.style();
    for (size_t i = 1; i < session.styleCount(); ++i) {
        result.moreStylesUsed.push_back(session.style(i));
    }
    encoding_ = false;  // a newer request need not wait for the pictures below
    // Screen-sized pictures for the panes, and the full result for zooming in.
    const cv::Size picture = result.result.rgb.size();
    const cv::Size proxy = previewProxySize(picture, kPreviewProxySide);
    cv::Mat proximityProxy;
    cv::resize(adjusted, proximityProxy, proxy, 0, 0, cv::INTER_AREA);
    // Several styles: side by side, each tagged with its share or place.
    std::vector<QImage> styles;
    QStringList tags;
    const StyleMix& mix = p.styleMix;
    const std::vector<std::pair<size_t, double>> shares =
        normalisedWeights(mix, session.styleCount());
    for (size_t i = 0; i < session.styleCount(); ++i) {
        styles.push_back(toDisplayQImage(session.style(i), kPreviewProxySide / 2));
        if (mix.kind == StyleMix::Kind::NearFar) {
            tags << (i == 0 ? tr("near") : tr("far"));
        } else {
            double share = 0.0;
            for (const auto& [index, weight] : shares) {
                share = index == i ? weight : share;
            }
            tags << tr("%1%").arg(qRound(share * 100));
        }
    }
    result.display = {toDisplayQImage(result.result),
                      toDisplayQImage(result.contentUsed),
                      styles.size() == 1 ? toDisplayQImage(result.styleUsed)
                                         : styleStrip(styles, tags, kPreviewProxySide / 2),
                      proximityToQImage(proximityProxy),
                      unitMapToQImage(strengthMapAtImageSize(result.strength, picture, proxy)),
                      proxy == picture ? QImage() : toQImage(result.result)};
    last_ = result;
    return result;
}

void PreviewLane::makeAnchors(Session& session, const PreviewRequest& r, const Progress& progress) {
    const Document& d = r.document;
    if (anchors_ && d.sameAnchorInputs(anchors_->request.document)) {
        return;
    }
    PreviewAnchors anchors;
    anchors.request = r;
    // Full precision, the document's styles and colours.
    const auto anchor = [&](double alpha) {
        RenderParams params = d.parameters.plainAdainParams(alpha);
        params.decoderPrecision = Precision::Float32;
        return params;
    };
    anchors.fullStyle = session.render(anchor(0.0), progress);
    const cv::Size proxy = previewProxySize(anchors.fullStyle.rgb.size(), kPreviewProxySide);
    anchors.proxyStyle = resizedImage(anchors.fullStyle, proxy);
    // Only its proxy is kept: the full one is never shown.
    anchors.proxyContent = resizedImage(session.render(anchor(1.0), progress), proxy);
    anchors_ = anchors;
    Q_EMIT anchorsReady(anchors);
}

void PreviewLane::makeComparison(Session& session, const PreviewResult& result,
                                 const Progress& progress) {
    const doc::Parameters& p = result.request.document.parameters;
    PlainResult plain;
    plain.request = result.request;
    plain.alpha = comparisonAlpha(p, result.strength);
    plain.plain = plain.alpha == 0.0 && !p.fastDecoding
                      ? anchors_->fullStyle
                      : session.render(p.plainAdainParams(plain.alpha), progress);
    plain.display = toDisplayQImage(plain.plain);
    if (plain.display.size() != QSize(plain.plain.width(), plain.plain.height())) {
        plain.detail = toQImage(plain.plain);
    }
    Q_EMIT plainReady(plain);
}

void PreviewLane::renderCell(quint64 id, const Document& base, const VariationValues& values,
                             int side) {
    requireThread(this, "PreviewLane::renderCell");
    const Document d = variationDocument(base, values);
    VariationCell cell;
    cell.id = id;
    cell.values = values;
    Progress progress;
    progress.cancel = &abandonCell_;
    progress.report = [this](Stage stage, double) {
        const bool encode = isEncodeStage(stage);
        encoding_ = encode;
        if (!encode && superseded()) {
            abandonCell_ = true;  // a preview request waits: it goes first
        }
    };
    try {
        Image picture;
        if (last_ && last_->request.document.samePicture(d)) {
            picture = last_->result;  // the preview's own render of these values
        } else {
            Session& session = feeder_.sessionFor(d, models_.get());
            picture = session.render(d.parameters.renderParams(), progress);
        }
        cell.picture = toDisplayQImage(picture, side);
    } catch (const EngineError& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            requeueCell(id, values);
            return;
        }
        if (e.kind() == ErrorKind::ModelMissing || e.kind() == ErrorKind::ModelInvalid) {
            feeder_.reset();
            anchors_.reset();
            last_.reset();
            models_.forget();
        }
        cell.error = errorText(e);
    } catch (const std::exception& e) {
        cell.error = errorText(e);
    }
    Q_EMIT variationReady(cell);
}

void PreviewLane::requeueCell(quint64 id, const VariationValues& values) {
    // Stopped for a preview request: rendered after it while still wanted
    // (not when the cells were cancelled or belong to another state now).
    const QMutexLocker lock(&mutex_);
    if (quit_ || !variations_ || variations_->id != id) {
        return;
    }
    std::vector<VariationValues>& cells = variations_->cells;
    if (std::find(cells.begin(), cells.end(), values) == cells.end()) {
        cells.insert(cells.begin(), values);
    }
}

void PreviewLane::process(const PreviewRequest& r) {
    requireThread(this, "PreviewLane::process");
    const Progress progress = progressFor(r.generation);
    try {
        // Only the exact result holds the export lane back.
        gate_.setPreviewBusy(true);
        Session& session = feeder_.sessionFor(r.document, models_.get());
        const PreviewResult result = exactResult(session, r, progress);
        gate_.setPreviewBusy(false);
        Q_EMIT resultReady(result);
        publishCounters();

        // Extras, in order of use, each skipped once a newer request waits.
        if (superseded()) {
            return;
        }
        makeAnchors(session, r, progress);
        if (superseded()) {
            return;
        }
        if (r.comparison) {
            makeComparison(session, result, progress);
        }
        Q_EMIT requestDone(r.generation);
    } catch (const EngineError& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            if (!superseded()) {
                Q_EMIT cancelled(r.generation);
            }
            return;
        }
        if (e.kind() == ErrorKind::ModelMissing || e.kind() == ErrorKind::ModelInvalid) {
            feeder_.reset();
            anchors_.reset();
            last_.reset();
            models_.forget();
        }
        Q_EMIT failed(r.generation, errorText(e));
    } catch (const std::exception& e) {
        Q_EMIT failed(r.generation, errorText(e));
    }
}

}  // namespace depthstyle::ui
