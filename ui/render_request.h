#pragma once

#include <QString>
#include <QtGlobal>
#include <memory>
#include <opencv2/core/mat.hpp>

#include "depthstyle/session.h"

namespace depthstyle::ui {

// An input image as loaded on the GUI thread; `id` changes with every load,
// so the worker knows when to re-encode.
struct ImageInput {
    std::shared_ptr<const Image> image;
    QString label;  // file name, or "pasted image"
    quint64 id = 0;
    bool empty() const { return !image; }
};

// Everything one render needs, by value: the worker never reads GUI state.
struct RenderRequest {
    quint64 generation = 0;
    ImageInput content;
    int contentSize = 512;
    ImageInput style;
    int styleSize = 512;
    DepthSource depth;
    quint64 depthId = 0;
    RenderParams params;
    bool wantPlain = true;    // also decode plain AdaIN for the comparison
    double plainAlpha = 0.0;  // its content weight ("matched strength" sets mean P)
    qint64 inputTimeMs = 0;   // when the user's input happened (render log)
};

// What the worker sends back for one request.
struct RenderOutcome {
    quint64 generation = 0;
    RenderParams params;
    Image result;       // exact, at content size
    Image contentUsed;  // scaled as encoded
    Image styleUsed;
    cv::Mat proximity;  // content size
    cv::Mat strength;   // feature grid
    double plainAlpha = 0.0;
    qint64 inputTimeMs = 0;
};

// The cached decodes the live preview blends between: P = 0 (full AdaIN)
// and P = 1 (the content reconstructed), per content/style pair.
struct PreviewAnchors {
    quint64 contentId = 0;
    quint64 styleId = 0;
    int contentSize = 0;
    int styleSize = 0;
    Image fullStyle;
    Image fullContent;
    bool empty() const { return fullStyle.empty() || fullContent.empty(); }
};

}  // namespace depthstyle::ui
