#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <deque>

#include "render_values.h"
#include "session_feeder.h"

namespace depthstyle::ui {

class LaneGate;
class RenderActivity;
class SharedModels;

// The export lane: jobs in the order they came, on a session of its own
// over the shared networks. A job writes exactly its document: it takes the
// window's rendered picture only when that shows the same document, and
// renders it otherwise, yielding to the preview lane between stripes. Image
// encoding and model hashing happen here, off the GUI thread.
class ExportLane : public QThread {
    Q_OBJECT
public:
    ExportLane(SharedModels& models, LaneGate& gate, RenderActivity& activity,
               QObject* parent = nullptr);
    ~ExportLane() override;

    void enqueue(const ExportJob& job);
    int unfinished() const;  // waiting and running jobs
    void resetSession();     // the model files changed
    // Drops the waiting jobs and stops the running one between layers; each
    // ends with an outcome marked cancelled, having written nothing.
    void cancelAll();

Q_SIGNALS:
    void progressed(quint64 id, int stage, double fraction);
    void finished(const depthstyle::ui::ExportOutcome& outcome);

protected:
    void run() override;

private:
    ExportOutcome process(const ExportJob& job);

    SharedModels& models_;
    LaneGate& gate_;
    RenderActivity& activity_;
    mutable QMutex mutex_;
    QWaitCondition wake_;
    std::deque<ExportJob> queue_;
    bool running_ = false;
    bool reset_ = false;
    std::atomic<bool> quit_{false};
    std::atomic<bool> stop_{false};  // quit, or the running job cancelled
    SessionFeeder feeder_;           // on the lane's thread only
};

}  // namespace depthstyle::ui
