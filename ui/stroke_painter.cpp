#include "stroke_painter.h"

#include "brush_panel.h"
#include "depthstyle/preview_blend.h"
#include "depthstyle/size_policy.h"
#include "document_controller.h"
#include "render_log.h"

namespace depthstyle::ui {

StrokePainter::StrokePainter(DocumentController& controller, const BrushPanel& brush)
    : controller_(controller), brush_(brush) {}

StrokePainter::~StrokePainter() = default;

bool StrokePainter::begin(PaintTarget target, QPointF at) {
    stroke_.reset();
    const Document& d = controller_.document();
    if (brush_.mode() == BrushMode::Off || d.content.empty() ||
        d.parameters.method != Method::DaAdain) {
        return false;
    }
    const cv::Size picture = scaledSize(
        cv::Size(d.content.image->width(), d.content.image->height()), d.parameters.contentSize);
    const SharedPaintLayer& current = target == PaintTarget::StrengthOverride
                                          ? d.parameters.strengthOverride
                                          : d.parameters.depthEdit;
    // A layer from a file may be larger than the app paints at: brought to
    // the painting size (the engine resizes it to the content anyway).
    PaintLayer base = current
                          ? layerAtSize(*current, previewProxySize(current->size(), kMaxLayerSide))
                          : transparentLayer(previewProxySize(picture, kMaxLayerSide));
    if (current && base.size() != current->size()) {
        quantiseLayer(base, cv::Rect(cv::Point(0, 0), base.size()));
    }
    published_.invalidate();
    dirty_ = false;
    layerSize_ = base.size();
    target_ = target;
    erase_ = brush_.mode() == BrushMode::Eraser;
    // In the 16-bit steps of the PNG it exports to, so that an exported set
    // reproduces the picture bit for bit.
    stroke_ = std::make_unique<PaintStroke>(
        std::move(base), brush_.brush(double(layerSize_.width) / picture.width), true);
    ++strokes_;
    moveTo(at);
    return true;
}

void StrokePainter::moveTo(QPointF at) {
    if (!stroke_) {
        return;
    }
    stroke_->moveTo(cv::Point2d(at.x() * layerSize_.width, at.y() * layerSize_.height));
    dirty_ = true;
    // A drag sends many moves: the layer is composited and shown at most
    // every kPublishMs (and at the end), not for each of them.
    if (!published_.isValid() || published_.elapsed() >= kPublishMs) {
        publish();
    }
}

void StrokePainter::end() {
    if (stroke_ && dirty_) {
        publish();
    }
    stroke_.reset();
}

void StrokePainter::publish() {
    doc::Parameters p = controller_.document().parameters;
    PaintLayer painted = stroke_->result();
    published_.restart();
    dirty_ = false;
    // A layer erased to nothing is no layer: Algorithm 1's P (or the
    // estimated depth) bit for bit, and nothing to export.
    SharedPaintLayer layer = paintsAnything(painted)
                                 ? std::make_shared<const PaintLayer>(std::move(painted))
                                 : SharedPaintLayer();
    if (target_ == PaintTarget::StrengthOverride) {
        p.strengthOverride = std::move(layer);
        p.strengthOverridePath.clear();  // painted: no file holds it yet
    } else {
        p.depthEdit = std::move(layer);
        p.depthEditPath.clear();
    }
    controller_.paintStroke(p, target_, strokes_, erase_, monotonicMs());
}

}  // namespace depthstyle::ui
