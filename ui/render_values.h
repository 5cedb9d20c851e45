#pragma once

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <vector>

#include "depthstyle/model_files.h"
#include "document.h"
#include "image_convert.h"

namespace depthstyle::ui {

using doc::Document;

// One request of the preview lane: a copy of the document, numbered. The
// lane never reads GUI state.
struct PreviewRequest {
    quint64 generation = 0;
    Document document;
    qint64 inputTimeMs = 0;  // when the user's input happened (render log)
    // Whether the plain-AdaIN comparison is on screen; when it is not, the
    // lane skips it (a later request with this set renders it then).
    bool comparison = true;
};

// The exact result of one preview request, with the request it answers.
struct PreviewResult {
    PreviewRequest request;
    Image result;       // exact, at content size
    Image contentUsed;  // scaled as encoded
    Image styleUsed;
    std::vector<Image> moreStylesUsed;  // styles after the first, scaled
    cv::Mat proximity;                  // content size
    cv::Mat proximityGrid;              // on the feature grid (for the live strength map)
    cv::Mat strength;                   // feature grid
    // The panes' pictures, made on the lane so the window only shows them:
    // at most kPreviewProxySide a side, and `resultDetail` the full result
    // when that is larger (drawn when the pane zooms in beyond the proxy).
    struct Display {
        QImage result, content, style, depth, strength, resultDetail;
    } display;
    bool empty() const { return result.empty(); }
};

// The cached decodes the live preview blends between: P = 0 (full AdaIN)
// and P = 1 (the content reconstructed), for the request's content and
// style, as screen-sized proxies; and the full-style decode at the working
// size, which is also the plain-AdaIN comparison at alpha 0.
struct PreviewAnchors {
    PreviewRequest request;
    Image fullStyle;
    Image proxyStyle;
    Image proxyContent;
    bool empty() const { return proxyStyle.empty() || proxyContent.empty(); }
};

// The plain-AdaIN comparison of one request.
struct PlainResult {
    PreviewRequest request;
    Image plain;
    QImage display;  // made on the lane, at most kPreviewProxySide a side
    QImage detail;   // the full picture when larger than `display`
    double alpha = 0.0;
};

// The content weight of the plain-AdaIN comparison: alpha itself for plain
// AdaIN; for DA-AdaIN 0 (full style), or the mean of P when "matched
// strength" is on. `strengthGrid` is P of the same document.
double comparisonAlpha(const doc::Parameters& parameters, const cv::Mat& strengthGrid);

enum class ExportKind { Result, All };

// One job of the export lane: what to write, and the document to write it
// from. `rendered` and `plain` are what the window shows, handed over when
// they show exactly this document, so the lane need not render again.
struct ExportJob {
    quint64 id = 0;
    ExportKind kind = ExportKind::Result;
    Document document;
    QString target;  // a file (Result) or a folder (All)
    int quality = 95;
    ModelFiles models;  // for the sidecar's hashes
    std::optional<PreviewResult> rendered;
    std::optional<PlainResult> plain;
    // A final render at full resolution: the working sizes the document was
    // tuned at, for the sidecar (-1: not one).
    int tunedContentSize = -1;
    int tunedStyleSize = -1;
};

// How one export job ended.
struct ExportOutcome {
    quint64 id = 0;
    ExportKind kind = ExportKind::Result;
    QString target;
    QStringList written;     // empty on failure
    QString error;           // empty on success
    bool rendered = false;   // the lane rendered the picture itself
    bool cancelled = false;  // stopped by the user; nothing was written
    QImage display;          // the picture written, screen-sized (to compare with)
};

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::PreviewResult)
Q_DECLARE_METATYPE(depthstyle::ui::PreviewAnchors)
Q_DECLARE_METATYPE(depthstyle::ui::PlainResult)
Q_DECLARE_METATYPE(depthstyle::ui::ExportOutcome)
