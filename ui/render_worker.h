#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <memory>
#include <optional>

#include "depthstyle/model_files.h"
#include "render_request.h"

namespace depthstyle::ui {

// The one thread that owns the engine session. Requests carry their inputs by
// value; the latest wins: a newer request replaces a pending one and makes a
// running one stop between layers. Results come back as queued signals.
class RenderWorker : public QThread {
    Q_OBJECT
public:
    explicit RenderWorker(QObject* parent = nullptr);
    ~RenderWorker() override;

    // Models for the next request (the session is rebuilt).
    void setModelFiles(const ModelFiles& files);
    void submit(const RenderRequest& request);
    // Drops the pending request and stops the running one.
    void cancel();
    // How often the session ran its expensive parts (thread-safe copy).
    SessionCounters counters() const;

Q_SIGNALS:
    void progressed(quint64 generation, int stage, double fraction);
    void resultReady(const depthstyle::ui::RenderOutcome& outcome);
    void anchorsReady(const depthstyle::ui::PreviewAnchors& anchors);
    void plainReady(quint64 generation, const depthstyle::Image& plain, double alpha);
    void failed(quint64 generation, const QString& message);
    void cancelled(quint64 generation);

protected:
    void run() override;

private:
    void process(const RenderRequest& request);
    void applyInputs(const RenderRequest& request);
    void makeAnchors(const RenderRequest& request, const Progress& progress);
    bool superseded() const;
    void publishCounters();

    mutable QMutex mutex_;
    QWaitCondition wake_;
    std::optional<RenderRequest> pending_;
    bool quit_ = false;
    std::optional<ModelFiles> newFiles_;
    SessionCounters counters_;
    std::atomic<bool> abandon_{false};

    // Used on the worker thread only.
    ModelFiles files_;
    std::unique_ptr<Session> session_;
    quint64 contentId_ = 0;
    quint64 styleId_ = 0;
    quint64 depthId_ = ~0ULL;
    int contentSize_ = -1;
    int styleSize_ = -1;
    PreviewAnchors anchors_;
};

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::RenderOutcome)
Q_DECLARE_METATYPE(depthstyle::ui::PreviewAnchors)
Q_DECLARE_METATYPE(depthstyle::Image)
