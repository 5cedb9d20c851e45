#pragma once

#include <QObject>
#include <optional>

#include "render_values.h"
#include "window_parts.h"

namespace depthstyle::ui {

class DisplayCache;
class LiveBlender;
struct LiveBlend;
class RenderService;

// Shows the document and its renders: asks the preview lane for each new
// document, answers at once with the live preview (strength map, chart and
// a pixel-space blend, from the last exact result's proximity), and shows
// results as they arrive, dropping any whose request is not the latest.
// The state of the latest request is one value, not flags.
class ResultPresenter : public QObject {
    Q_OBJECT
public:
    // Rendering: the exact result is on its way. Preparing: it is on screen,
    // and the live-preview decodes and the comparison are on their way.
    enum class Status { Idle, Rendering, Preparing, Failed, Cancelled };
    // What the result pane compares with: plain AdaIN (rendered by the
    // preview lane), the photo as stylized (the content as used), or the
    // last picture exported.
    enum class CompareWith { PlainAdain, Photo, LastExport };

    ResultPresenter(RenderService& service, const WindowParts& parts, const DisplayCache& displays,
                    QObject* parent = nullptr);

    // Enabled once models are in place.
    void setRendering(bool enabled);
    void showDocument(const Document& document, qint64 inputTimeMs);
    void cancel();

    Status status() const { return status_; }
    quint64 latestGeneration() const { return latest_; }
    // The exact result on screen (empty before the first).
    const std::optional<PreviewResult>& exact() const { return exact_; }
    // The result and the comparison on screen when they show exactly
    // `document`; empty otherwise.
    std::optional<PreviewResult> exactFor(const Document& document) const;
    std::optional<PlainResult> plainFor(const Document& document) const;

    void setCompareWith(CompareWith source);
    CompareWith compareWith() const { return compareWith_; }
    // The last export's picture (screen-sized) and its file name.
    void setLastExport(const QImage& display, const QString& name);

private:
    void onResult(const PreviewResult& result);
    void onPlain(const PlainResult& plain);
    void onFailed(quint64 generation, const QString& message);
    void onProgress(quint64 generation, int stage, double fraction);
    void showLivePreview(const Document& document, qint64 inputTimeMs);
    void onComparisonShown();
    void onBlended(const LiveBlend& blend);
    void showInput(ImagePane* pane, const doc::ImageInput& input) const;
    void setStale(bool stale, bool updating = true);
    bool comparisonShown() const;
    // Whether plain AdaIN is what the pane compares with, on screen.
    bool plainWanted() const;
    // Puts the chosen comparison on the pane (or none when it has none).
    void showComparison();
    void finish(Status status, const QString& text);

    RenderService& service_;
    WindowParts parts_;
    const DisplayCache& displays_;
    LiveBlender* blender_;
    bool enabled_ = false;
    Document shown_;  // the document on screen
    quint64 latest_ = 0;
    Status status_ = Status::Idle;
    std::optional<PreviewResult> exact_;
    std::optional<PlainResult> plain_;
    std::optional<PreviewAnchors> anchors_;
    CompareWith compareWith_ = CompareWith::PlainAdain;
    QImage lastExport_;
    QString lastExportName_;
    qint64 unpaintedInputMs_ = -1;  // a live preview waiting for its paint
    bool shrunk_ = false;
    QString renderError_;  // the failure shown, hidden by the next success           // the working
                           // size went down: memory to return
};

}  // namespace depthstyle::ui
