#include "preview_lane.h"

#include <QMutexLocker>

#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/preview_blend.h"
#include "depthstyle/strength_map.h"
#include "image_convert.h"
#include "lane_gate.h"
#include "shared_models.h"
#include "thread_checks.h"

namespace depthstyle::ui {
namespace {

Image scaledCopy(const Image& image, cv::Size size) {
    if (image.rgb.size() == size) {
        return image;
    }
    Image out;
    cv::resize(image.rgb, out.rgb, size, 0, 0, cv::INTER_AREA);
    if (image.hasAlpha()) {
        cv::resize(image.alpha, out.alpha, size, 0, 0, cv::INTER_AREA);
    }
    out.sourceBitDepth = image.sourceBitDepth;
    return out;
}

}  // namespace

PreviewLane::PreviewLane(SharedModels& models, LaneGate& gate, QObject* parent)
    : QThread(parent), models_(models), gate_(gate) {}

PreviewLane::~PreviewLane() {
    {
        const QMutexLocker lock(&mutex_);
        quit_ = true;
        pending_.reset();
        abandon_ = true;
        wake_.wakeOne();
    }
    wait();
}

void PreviewLane::submit(const PreviewRequest& request) {
    requireNotThread(this, "PreviewLane::submit");
    const QMutexLocker lock(&mutex_);
    pending_ = request;
    abandon_ = true;  // the running request, if any, is stale now
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
        PreviewRequest request;
        {
            QMutexLocker lock(&mutex_);
            while (!pending_ && !quit_) {
                wake_.wait(&mutex_);
            }
            if (quit_) {
                return;
            }
            request = *pending_;
            pending_.reset();
            abandon_ = false;
            if (reset_) {
                reset_ = false;
                feeder_.reset();
                anchors_.reset();
            }
        }
        gate_.setPreviewBusy(true);
        process(request);
        gate_.setPreviewBusy(false);
        publishCounters();
    }
}

void PreviewLane::publishCounters() {
    const QMutexLocker lock(&mutex_);
    counters_ = feeder_.counters();
}

void PreviewLane::makeAnchors(Session& session, const PreviewRequest& r, const Progress& progress) {
    const Document& d = r.document;
    if (anchors_ && d.sameContentImage(anchors_->request.document) &&
        d.sameStyleInputs(anchors_->request.document)) {
        return;
    }
    PreviewAnchors anchors;
    anchors.request = r;
    anchors.fullStyle = session.render({StrengthSettings::adain(0.0)}, progress);
    anchors.fullContent = session.render({StrengthSettings::adain(1.0)}, progress);
    const cv::Size proxy = previewProxySize(anchors.fullStyle.rgb.size(), kPreviewProxySide);
    anchors.proxyStyle = scaledCopy(anchors.fullStyle, proxy);
    anchors.proxyContent = scaledCopy(anchors.fullContent, proxy);
    anchors_ = anchors;
    Q_EMIT anchorsReady(anchors);
}

void PreviewLane::process(const PreviewRequest& r) {
    requireThread(this, "PreviewLane::process");
    Progress progress;
    progress.cancel = &abandon_;
    progress.report = [this, generation = r.generation](Stage stage, double fraction) {
        Q_EMIT progressed(generation, static_cast<int>(stage), fraction);
    };
    try {
        Session& session = feeder_.sessionFor(r.document, models_.get());
        const doc::Parameters& p = r.document.parameters;
        PreviewResult result;
        result.request = r;
        result.result = session.render(p.renderParams(), progress);
        result.proximity = session.proximity(progress);
        result.proximityGrid = proximityOnFeatureGrid(result.proximity);
        result.strength = session.strengthMap(p.renderParams(), progress);
        result.contentUsed = session.content();
        result.styleUsed = session.style();
        result.display = {
            toQImage(result.result), toQImage(result.contentUsed), toQImage(result.styleUsed),
            proximityToQImage(result.proximity),
            unitMapToQImage(strengthMapAtImageSize(result.strength, result.result.rgb.size()))};
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
        PlainResult plain;
        plain.request = r;
        plain.alpha = comparisonAlpha(p, result.strength);
        plain.plain = plain.alpha == 0.0 && !p.fastDecoding
                          ? anchors_->fullStyle
                          : session.render({StrengthSettings::adain(plain.alpha),
                                            p.renderParams().decoderPrecision},
                                           progress);
        plain.display = toQImage(plain.plain);
        Q_EMIT plainReady(plain);
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
            models_.forget();
        }
        Q_EMIT failed(r.generation, QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        Q_EMIT failed(r.generation, QString::fromStdString(e.what()));
    }
}

}  // namespace depthstyle::ui
