#pragma once

#include <QElapsedTimer>
#include <QPointF>
#include <memory>
#include <optional>

#include "depthstyle/paint_stroke.h"
#include "document_commands.h"

namespace depthstyle::ui {

class BrushPanel;
class DocumentController;

// Turns a drag on a pane into a brush stroke on the document's strength
// override or depth edit layer: each move is a document change (with the
// same live preview as a slider) and the whole stroke one undo step.
// Points are fractions of the picture's width and height.
class StrokePainter {
public:
    StrokePainter(DocumentController& controller, const BrushPanel& brush);
    ~StrokePainter();

    // False (and no stroke) when the brush is off, there is no content, or
    // the method is plain AdaIN.
    bool begin(PaintTarget target, QPointF at);
    void moveTo(QPointF at);
    void end();
    bool painting() const { return stroke_ != nullptr; }

    // The longest side of a layer painted in the app: strokes are kept at
    // most at this resolution; the layer is resized to the content where it
    // applies. Finer than any feature grid (the largest picture, 40 MP, has
    // under 1000 cells a side, and both layers end up averaged per cell),
    // and small enough that a stroke's copy per update (8 MB) keeps the
    // window responsive: at 2048 a side a copy took up to 34 ms on a
    // 2-core AMD EPYC while a render ran.
    static constexpr int kMaxLayerSide = 1024;

private:
    void publish();

    DocumentController& controller_;
    const BrushPanel& brush_;
    std::unique_ptr<PaintStroke> stroke_;
    PaintTarget target_ = PaintTarget::StrengthOverride;
    cv::Size layerSize_;
    int strokes_ = 0;
    bool erase_ = false;
    bool dirty_ = false;  // painted since the last publish
    QElapsedTimer published_;
    static constexpr qint64 kPublishMs = 40;
};

}  // namespace depthstyle::ui
