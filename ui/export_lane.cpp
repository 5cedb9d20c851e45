#include "export_lane.h"

#include <QMutexLocker>

#include "depthstyle/engine_error.h"
#include "error_text.h"
#include "export_bundle.h"
#include "image_convert.h"
#include "lane_gate.h"
#include "render_activity.h"
#include "shared_models.h"
#include "thread_checks.h"

namespace depthstyle::ui {

ExportLane::ExportLane(SharedModels& models, LaneGate& gate, RenderActivity& activity,
                       QObject* parent)
    : QThread(parent), models_(models), gate_(gate), activity_(activity) {}

ExportLane::~ExportLane() {
    {
        const QMutexLocker lock(&mutex_);
        quit_ = true;
        stop_ = true;
        queue_.clear();
        wake_.wakeOne();
    }
    gate_.wakeAll();
    wait();
}

void ExportLane::enqueue(const ExportJob& job) {
    requireNotThread(this, "ExportLane::enqueue");
    const QMutexLocker lock(&mutex_);
    queue_.push_back(job);
    if (!isRunning()) {
        start(QThread::LowPriority);
    } else {
        wake_.wakeOne();
    }
}

int ExportLane::unfinished() const {
    const QMutexLocker lock(&mutex_);
    return static_cast<int>(queue_.size()) + (running_ ? 1 : 0);
}

void ExportLane::cancelAll() {
    std::deque<ExportJob> dropped;
    {
        const QMutexLocker lock(&mutex_);
        dropped.swap(queue_);
        if (running_) {
            stop_ = true;
        }
    }
    gate_.wakeAll();
    for (const ExportJob& job : dropped) {
        ExportOutcome outcome;
        outcome.id = job.id;
        outcome.kind = job.kind;
        outcome.target = job.target;
        outcome.cancelled = true;
        Q_EMIT finished(outcome);
    }
}

void ExportLane::resetSession() {
    const QMutexLocker lock(&mutex_);
    reset_ = true;
}

void ExportLane::run() {
    for (;;) {
        ExportJob job;
        {
            QMutexLocker lock(&mutex_);
            running_ = false;
            while (queue_.empty() && !quit_) {
                wake_.wait(&mutex_);
            }
            if (quit_) {
                return;
            }
            job = queue_.front();
            queue_.pop_front();
            running_ = true;
            stop_ = quit_.load();
            if (reset_) {
                reset_ = false;
                feeder_.reset();
            }
        }
        const ExportOutcome outcome = [&] {
            const RenderActivity::Rendering rendering(activity_);
            return process(job);
        }();
        {
            // Not finished until the window hears it.
            const QMutexLocker lock(&mutex_);
            running_ = false;
        }
        Q_EMIT finished(outcome);
    }
}

ExportOutcome ExportLane::process(const ExportJob& job) {
    requireThread(this, "ExportLane::process");
    ExportOutcome outcome;
    outcome.id = job.id;
    outcome.kind = job.kind;
    outcome.target = job.target;
    const Document& d = job.document;
    const doc::Parameters& p = d.parameters;
    Progress progress;
    progress.cancel = &stop_;
    progress.report = [this, id = job.id](Stage stage, double fraction) {
        gate_.waitForPreview(stop_);
        Q_EMIT progressed(id, static_cast<int>(stage), fraction);
    };
    try {
        PreviewResult picture;
        if (job.rendered && job.rendered->request.document.samePicture(d)) {
            picture = *job.rendered;
        } else {
            Session& session = feeder_.sessionFor(d, models_.get());
            gate_.waitForPreview(stop_);  // it takes every core: after the preview
            if (!stop_) {
                session.prepareRender(p.renderParams());
            }
            picture.result = session.render(p.renderParams(), progress);
            picture.proximity = session.proximity(progress);
            picture.strength = session.strengthMap(p.renderParams(), progress);
            picture.contentUsed = session.content();
            picture.styleUsed = session.style();
            for (size_t i = 1; i < session.styleCount(); ++i) {
                picture.moreStylesUsed.push_back(session.style(i));
            }
            outcome.rendered = true;
        }
        outcome.display = toDisplayQImage(picture.result);  // here, off the window's thread
        if (job.kind == ExportKind::Result) {
            doc::exportResult(job.target, picture.result, job.quality, p);
            outcome.written << job.target;
            return outcome;
        }
        doc::ExportBundle b;
        b.plainAlpha = comparisonAlpha(p, picture.strength);
        if (job.plain && job.plain->request.document.samePicture(d) &&
            job.plain->alpha == b.plainAlpha) {
            b.plain = job.plain->plain;
        } else {
            Session& session = feeder_.sessionFor(d, models_.get());
            b.plain = session.render(p.plainAdainParams(b.plainAlpha), progress);
            outcome.rendered = true;
        }
        b.result = picture.result;
        b.contentUsed = picture.contentUsed;
        b.styleUsed = picture.styleUsed;
        b.moreStylesUsed = picture.moreStylesUsed;
        b.proximity = adjustedProximity(picture.proximity, p.depthLevels, p.depthEdit.get());
        b.strengthGrid = picture.strength;
        b.parameters = p;
        b.contentPath = d.contentPath;
        b.stylePath = d.stylePath;
        b.moreStylePaths = d.moreStylePaths;
        b.models = job.models;
        b.tunedContentSize = job.tunedContentSize;
        b.tunedStyleSize = job.tunedStyleSize;
        outcome.written = doc::exportAll(job.target, b);
    } catch (const EngineError& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            outcome.cancelled = true;
            return outcome;
        }
        if (e.kind() == ErrorKind::ModelMissing || e.kind() == ErrorKind::ModelInvalid) {
            feeder_.reset();
            models_.forget();
        }
        outcome.error = errorText(e);
    } catch (const std::exception& e) {
        outcome.error = errorText(e);
    }
    return outcome;
}

}  // namespace depthstyle::ui
