#include "pane_tools.h"

#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>

#include "compare_pane.h"
#include "image_pane.h"
#include "stroke_painter.h"

namespace depthstyle::ui {

bool PaneTool::mousePress(ImagePane&, QMouseEvent*) {
    return false;
}
bool PaneTool::mouseMove(ImagePane&, QMouseEvent*) {
    return false;
}
bool PaneTool::mouseRelease(ImagePane&, QMouseEvent*) {
    return false;
}
bool PaneTool::wheel(ImagePane&, QWheelEvent*) {
    return false;
}

bool PanZoomTool::mousePress(ImagePane& pane, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        return false;
    }
    panning_ = true;
    last_ = event->position();
    pane.setCursor(Qt::ClosedHandCursor);
    return true;
}

bool PanZoomTool::mouseMove(ImagePane& pane, QMouseEvent* event) {
    if (!panning_) {
        return false;
    }
    pane.panBy(event->position() - last_);
    last_ = event->position();
    return true;
}

bool PanZoomTool::mouseRelease(ImagePane& pane, QMouseEvent*) {
    if (!panning_) {
        return false;
    }
    panning_ = false;
    pane.unsetCursor();
    return true;
}

bool PanZoomTool::wheel(ImagePane& pane, QWheelEvent* event) {
    if (pane.image().isNull()) {
        return false;
    }
    pane.zoomAt(event->position(), std::pow(1.0015, event->angleDelta().y()));
    return true;
}

bool WipeDividerTool::nearDivider(double x) const {
    return pane_.showsWipe() && std::abs(x - pane_.dividerX()) < 10;
}

bool WipeDividerTool::mousePress(ImagePane&, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !nearDivider(event->position().x())) {
        return false;
    }
    dragging_ = true;
    return true;
}

bool WipeDividerTool::mouseMove(ImagePane&, QMouseEvent* event) {
    if (dragging_) {
        const QRectF target = pane_.imageRect(pane_.rect(), pane_.pictureSize());
        pane_.setWipePosition((event->position().x() - target.left()) /
                              std::max(1.0, target.width()));
        return true;
    }
    if (event->buttons() == Qt::NoButton) {
        pane_.setCursor(nearDivider(event->position().x()) ? Qt::SplitHCursor : Qt::ArrowCursor);
    }
    return false;
}

bool WipeDividerTool::mouseRelease(ImagePane&, QMouseEvent*) {
    const bool was = dragging_;
    dragging_ = false;
    return was;
}

bool FocusPickerTool::mousePress(ImagePane& pane, QMouseEvent* event) {
    pressedAt_.reset();
    if (event->button() == Qt::LeftButton && !pane.image().isNull()) {
        pressedAt_ = event->position();
    }
    return false;  // the pan/zoom tool takes the press too
}

bool FocusPickerTool::mouseMove(ImagePane&, QMouseEvent* event) {
    if (pressedAt_ && (event->position() - *pressedAt_).manhattanLength() > 4) {
        pressedAt_.reset();  // a drag: panning, not picking
    }
    return false;
}

bool FocusPickerTool::mouseRelease(ImagePane& pane, QMouseEvent* event) {
    if (!pressedAt_ || event->button() != Qt::LeftButton) {
        return false;
    }
    const QPointF at = *pressedAt_;
    pressedAt_.reset();
    if (event->modifiers() & Qt::AltModifier) {
        pick_(std::nullopt);
        return false;
    }
    const std::optional<QPointF> fraction = pane.pictureFractionAt(at);
    if (fraction) {
        pick_(fraction);
    }
    return false;  // the pan/zoom tool ends its drag state
}

bool BrushTool::mousePress(ImagePane& pane, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || pane.image().isNull()) {
        return false;
    }
    painting_ = painter_.begin(target_, pane.pictureFraction(event->position()));
    return painting_;
}

bool BrushTool::mouseMove(ImagePane& pane, QMouseEvent* event) {
    if (!painting_) {
        return false;
    }
    painter_.moveTo(pane.pictureFraction(event->position()));
    return true;
}

bool BrushTool::mouseRelease(ImagePane&, QMouseEvent*) {
    if (!painting_) {
        return false;
    }
    painting_ = false;
    painter_.end();
    return true;
}

}  // namespace depthstyle::ui
