#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <optional>

#include "render_values.h"
#include "session_feeder.h"
#include "variation_values.h"

namespace depthstyle::ui {

class LaneGate;
class RenderActivity;
class SharedModels;

// The preview lane: one thread, one session. The latest request wins: a
// newer one replaces a waiting one and stops a running one between network
// layers, except that an encode (depth, content, style, AdaIN target) the
// newer request needs too runs on and the newer request decodes from it.
// After the exact result it prepares the live-preview decodes and, when the
// request asks for it, the plain-AdaIN comparison, each skipped once a newer
// request waits. Only the exact result holds the export lane back.
// Variations cells render on the same session (the cached features) when no
// preview request waits or runs: one cell at a time, a preview request
// stopping a running cell between layers (the cell runs again after it).
class PreviewLane : public QThread {
    Q_OBJECT
public:
    PreviewLane(SharedModels& models, LaneGate& gate, RenderActivity& activity,
                QObject* parent = nullptr);
    ~PreviewLane() override;

    void submit(const PreviewRequest& request);
    void cancel();        // drops the waiting request and stops the running one
    void resetSession();  // the model files changed
    SessionCounters counters() const;
    // The cells still to render; replaces those of an earlier request. A
    // running cell of another request id stops.
    void submitVariations(const VariationsRequest& request);
    void cancelVariations();        // drops the waiting cells, stops the running one
    int waitingVariations() const;  // cells not started yet

Q_SIGNALS:
    void progressed(quint64 generation, int stage, double fraction);
    void resultReady(const depthstyle::ui::PreviewResult& result);
    void anchorsReady(const depthstyle::ui::PreviewAnchors& anchors);
    void plainReady(const depthstyle::ui::PlainResult& plain);
    void failed(quint64 generation, const QString& message);
    void cancelled(quint64 generation);
    // The request's result and extras are all done.
    void requestDone(quint64 generation);
    void variationReady(const depthstyle::ui::VariationCell& cell);

protected:
    void run() override;

private:
    void process(const PreviewRequest& request);
    PreviewResult exactResult(Session& session, const PreviewRequest& request,
                              const Progress& progress);
    void makeAnchors(Session& session, const PreviewRequest& request, const Progress& progress);
    void makeComparison(Session& session, const PreviewResult& result, const Progress& progress);
    Progress progressFor(quint64 generation);
    bool superseded() const;
    void publishCounters();
    void renderCell(quint64 id, const Document& base, const VariationValues& values, int side);
    void requeueCell(quint64 id, const VariationValues& values);

    SharedModels& models_;
    LaneGate& gate_;
    RenderActivity& activity_;
    mutable QMutex mutex_;
    QWaitCondition wake_;
    std::optional<PreviewRequest> pending_;
    std::optional<Document> running_;    // the document being rendered
    std::atomic<bool> encoding_{false};  // it is in an encode stage
    bool quit_ = false;
    bool reset_ = false;
    SessionCounters counters_;
    std::atomic<bool> abandon_{false};
    std::optional<VariationsRequest> variations_;  // the cells still to render
    std::optional<quint64> cellRunning_;           // the running cell's request id
    std::atomic<bool> abandonCell_{false};

    // On the lane's thread only.
    SessionFeeder feeder_;
    std::optional<PreviewAnchors> anchors_;
    std::optional<PreviewResult> last_;  // the last exact result
};

}  // namespace depthstyle::ui
