#include "stroke_painter.h"

#include <algorithm>
#include <cmath>

#include "brush_panel.h"
#include "depthstyle/size_policy.h"
#include "document_controller.h"
#include "render_log.h"

namespace depthstyle::ui {

cv::Size paintLayerSize(cv::Size picture) {
    const int longer = std::max(picture.width, picture.height);
    if (longer <= StrokePainter::kMaxLayerSide) {
        return picture;
    }
    const double scale = double(StrokePainter::kMaxLayerSide) / longer;
    return {std::max(1, int(std::lround(picture.width * scale))),
            std::max(1, int(std::lround(picture.height * scale)))};
}

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
    PaintLayer base = current ? *current : transparentLayer(paintLayerSize(picture));
    layerSize_ = base.size();
    target_ = target;
    erase_ = brush_.mode() == BrushMode::Eraser;
    stroke_ = std::make_unique<PaintStroke>(std::move(base),
                                            brush_.brush(double(layerSize_.width) / picture.width));
    ++strokes_;
    moveTo(at);
    return true;
}

void StrokePainter::moveTo(QPointF at) {
    if (!stroke_) {
        return;
    }
    stroke_->moveTo(cv::Point2d(at.x() * layerSize_.width, at.y() * layerSize_.height));
    publish();
}

void StrokePainter::end() {
    stroke_.reset();
}

void StrokePainter::publish() {
    doc::Parameters p = controller_.document().parameters;
    PaintLayer painted = stroke_->result();
    quantiseLayer(painted);  // as its exported 16-bit PNG will read back
    auto layer = std::make_shared<const PaintLayer>(std::move(painted));
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
