#include "render_worker.h"

#include <QMutexLocker>

#include "depthstyle/engine_error.h"

namespace depthstyle::ui {

RenderWorker::RenderWorker(QObject* parent) : QThread(parent) {
    qRegisterMetaType<depthstyle::ui::RenderOutcome>();
    qRegisterMetaType<depthstyle::ui::PreviewAnchors>();
    qRegisterMetaType<depthstyle::Image>();
}

RenderWorker::~RenderWorker() {
    {
        QMutexLocker lock(&mutex_);
        quit_ = true;
        pending_.reset();
        abandon_ = true;
        wake_.wakeOne();
    }
    wait();
}

void RenderWorker::setModelFiles(const ModelFiles& files) {
    QMutexLocker lock(&mutex_);
    newFiles_ = files;
}

void RenderWorker::submit(const RenderRequest& request) {
    QMutexLocker lock(&mutex_);
    pending_ = request;
    abandon_ = true;  // the running request, if any, is stale now
    if (!isRunning()) {
        start(QThread::LowPriority);
    } else {
        wake_.wakeOne();
    }
}

void RenderWorker::cancel() {
    QMutexLocker lock(&mutex_);
    pending_.reset();
    abandon_ = true;
}

SessionCounters RenderWorker::counters() const {
    QMutexLocker lock(&mutex_);
    return counters_;
}

bool RenderWorker::superseded() const {
    QMutexLocker lock(&mutex_);
    return pending_.has_value() || quit_;
}

void RenderWorker::publishCounters() {
    if (session_) {
        QMutexLocker lock(&mutex_);
        counters_ = session_->counters();
    }
}

void RenderWorker::run() {
    for (;;) {
        RenderRequest request;
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
            if (newFiles_) {
                files_ = *newFiles_;
                newFiles_.reset();
                session_.reset();
                anchors_ = {};
            }
        }
        process(request);
        publishCounters();
    }
}

void RenderWorker::applyInputs(const RenderRequest& r) {
    if (!session_) {
        session_ = std::make_unique<Session>(files_);
        anchors_ = {};
        contentId_ = styleId_ = 0;
        depthId_ = ~0ULL;
    }
    if (r.content.id != contentId_ || r.contentSize != contentSize_) {
        session_->setContent(*r.content.image, r.contentSize, r.content.label.toStdString());
        contentId_ = r.content.id;
        contentSize_ = r.contentSize;
    }
    if (r.style.id != styleId_ || r.styleSize != styleSize_) {
        session_->setStyle(*r.style.image, r.styleSize, r.style.label.toStdString());
        styleId_ = r.style.id;
        styleSize_ = r.styleSize;
    }
    if (r.depthId != depthId_) {
        session_->setDepthSource(r.depth);
        depthId_ = r.depthId;
    }
}

void RenderWorker::makeAnchors(const RenderRequest& r, const Progress& progress) {
    const bool current = anchors_.contentId == r.content.id && anchors_.styleId == r.style.id &&
                         anchors_.contentSize == r.contentSize && anchors_.styleSize == r.styleSize;
    if (current && !anchors_.empty()) {
        return;
    }
    PreviewAnchors anchors;
    anchors.contentId = r.content.id;
    anchors.styleId = r.style.id;
    anchors.contentSize = r.contentSize;
    anchors.styleSize = r.styleSize;
    anchors.fullStyle = session_->render({Method::Adain, {}, 0.0}, progress);
    anchors.fullContent = session_->render({Method::Adain, {}, 1.0}, progress);
    anchors_ = anchors;
    Q_EMIT anchorsReady(anchors);
}

void RenderWorker::process(const RenderRequest& r) {
    Progress progress;
    progress.cancel = &abandon_;
    progress.report = [this, generation = r.generation](Stage stage, double fraction) {
        Q_EMIT progressed(generation, static_cast<int>(stage), fraction);
    };
    try {
        applyInputs(r);
        RenderOutcome outcome;
        outcome.generation = r.generation;
        outcome.params = r.params;
        outcome.inputTimeMs = r.inputTimeMs;
        outcome.plainAlpha = r.plainAlpha;
        outcome.result = session_->render(r.params, progress);
        outcome.proximity = session_->proximity(progress);
        outcome.strength = session_->strengthMap(r.params, progress);
        outcome.contentUsed = session_->content();
        outcome.styleUsed = session_->style();
        Q_EMIT resultReady(outcome);
        publishCounters();

        // Extras, in order of use, each skipped once a newer request waits.
        if (superseded()) {
            return;
        }
        makeAnchors(r, progress);
        if (r.wantPlain && !superseded()) {
            const Image plain =
                r.plainAlpha == 0.0
                    ? anchors_.fullStyle
                    : session_->render({Method::Adain, {}, r.plainAlpha, r.params.decoderPrecision},
                                       progress);
            Q_EMIT plainReady(r.generation, plain, r.plainAlpha);
        }
    } catch (const EngineError& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            if (!superseded()) {
                Q_EMIT cancelled(r.generation);
            }
            return;
        }
        if (e.kind() == ErrorKind::ModelMissing || e.kind() == ErrorKind::ModelInvalid) {
            session_.reset();
        }
        Q_EMIT failed(r.generation, QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        Q_EMIT failed(r.generation, QString::fromStdString(e.what()));
    }
}

}  // namespace depthstyle::ui
