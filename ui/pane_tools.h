#pragma once

#include <QPointF>
#include <functional>
#include <optional>

class QMouseEvent;
class QWheelEvent;

namespace depthstyle::ui {

class ComparePane;
class ImagePane;

// What a pointer does on an image pane, as its own type (the brush and the
// focus picker will be more of them). A pane asks its tools in order; the
// first that takes an event handles it.
class PaneTool {
public:
    virtual ~PaneTool() = default;
    virtual bool mousePress(ImagePane& pane, QMouseEvent* event);
    virtual bool mouseMove(ImagePane& pane, QMouseEvent* event);
    virtual bool mouseRelease(ImagePane& pane, QMouseEvent* event);
    virtual bool wheel(ImagePane& pane, QWheelEvent* event);
};

// Drag to pan, wheel to zoom about the pointer.
class PanZoomTool : public PaneTool {
public:
    bool mousePress(ImagePane& pane, QMouseEvent* event) override;
    bool mouseMove(ImagePane& pane, QMouseEvent* event) override;
    bool mouseRelease(ImagePane& pane, QMouseEvent* event) override;
    bool wheel(ImagePane& pane, QWheelEvent* event) override;
    bool panning() const { return panning_; }

private:
    bool panning_ = false;
    QPointF last_;
};

// Drag the wipe divider of the result pane; the cursor shows where it can.
class WipeDividerTool : public PaneTool {
public:
    explicit WipeDividerTool(ComparePane& pane) : pane_(pane) {}
    bool mousePress(ImagePane& pane, QMouseEvent* event) override;
    bool mouseMove(ImagePane& pane, QMouseEvent* event) override;
    bool mouseRelease(ImagePane& pane, QMouseEvent* event) override;

private:
    bool nearDivider(double x) const;
    ComparePane& pane_;
    bool dragging_ = false;
};

// Click a point of the picture (press and release without dragging) to pick
// it, Alt+click to clear: `pick` gets the point as fractions of the
// picture's width and height, or nothing. A drag still pans (the pan/zoom
// tool after this one sees every event).
class FocusPickerTool : public PaneTool {
public:
    using Pick = std::function<void(std::optional<QPointF>)>;
    explicit FocusPickerTool(Pick pick) : pick_(std::move(pick)) {}
    bool mousePress(ImagePane& pane, QMouseEvent* event) override;
    bool mouseMove(ImagePane& pane, QMouseEvent* event) override;
    bool mouseRelease(ImagePane& pane, QMouseEvent* event) override;

private:
    Pick pick_;
    std::optional<QPointF> pressedAt_;
};

class StrokePainter;
enum class PaintTarget;

// Drag to paint a brush stroke on a layer (while the brush is on; otherwise
// the events go on to the other tools).
class BrushTool : public PaneTool {
public:
    BrushTool(StrokePainter& painter, PaintTarget target) : painter_(painter), target_(target) {}
    bool mousePress(ImagePane& pane, QMouseEvent* event) override;
    bool mouseMove(ImagePane& pane, QMouseEvent* event) override;
    bool mouseRelease(ImagePane& pane, QMouseEvent* event) override;

private:
    StrokePainter& painter_;
    PaintTarget target_;
    bool painting_ = false;
};

}  // namespace depthstyle::ui
