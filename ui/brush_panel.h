#pragma once

#include <QGroupBox>

#include "depthstyle/paint_stroke.h"

class QComboBox;

namespace depthstyle::ui {

class LabeledSlider;

// What a drag on the strength, result and depth panes paints: nothing (the
// panes pan, and a click sets the focus), white (the content kept; on the
// depth pane, nearer), black (full style; farther) or the eraser (back to
// Algorithm 1's P; to the depth as estimated).
enum class BrushMode { Off, White, Black, Eraser };

// The brush's controls: mode, size (pixels of the picture as stylized),
// hardness and opacity.
class BrushPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit BrushPanel(QWidget* parent = nullptr);

    BrushMode mode() const;
    void setMode(BrushMode mode);
    // The brush for a layer with `layerPixelsPerPicturePixel` of its pixels
    // per pixel of the picture.
    Brush brush(double layerPixelsPerPicturePixel) const;
    // Plain AdaIN has no strength map to paint: the brush is off.
    void setDepthAware(bool depthAware);

    QComboBox* modeCombo() const { return mode_; }
    LabeledSlider* sizeSlider() const { return size_; }
    LabeledSlider* hardnessSlider() const { return hardness_; }
    LabeledSlider* opacitySlider() const { return opacity_; }

Q_SIGNALS:
    void modeChanged(depthstyle::ui::BrushMode mode);

private:
    QComboBox* mode_;
    LabeledSlider* size_;
    LabeledSlider* hardness_;
    LabeledSlider* opacity_;
};

}  // namespace depthstyle::ui
