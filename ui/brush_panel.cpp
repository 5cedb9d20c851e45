#include "brush_panel.h"

#include <QComboBox>
#include <QVBoxLayout>

#include "labeled_slider.h"
#include "widget_description.h"

namespace depthstyle::ui {

BrushPanel::BrushPanel(QWidget* parent)
    : QGroupBox(tr("&Brush"), parent),
      mode_(new QComboBox(this)),
      size_(new LabeledSlider(tr("Size"), 2.0, 400.0, 1.0, 40.0, 0, this)),
      hardness_(new LabeledSlider(tr("Hardness"), 0.0, 1.0, 0.01, 0.5, 2, this)),
      opacity_(new LabeledSlider(tr("Opacity"), 0.01, 1.0, 0.01, 1.0, 2, this)) {
    mode_->addItem(tr("Off: drag pans, click sets the focus"), int(BrushMode::Off));
    mode_->addItem(tr("Keep content / nearer (white)"), int(BrushMode::White));
    mode_->addItem(tr("Full style / farther (black)"), int(BrushMode::Black));
    mode_->addItem(tr("Eraser"), int(BrushMode::Eraser));
    describeWidget(
        mode_, tr("Brush mode"),
        tr("Paint on the strength map or the result to keep the content (white) or give full "
           "style (black) there, past Algorithm 1; on the depth pane, to make things nearer "
           "(white) or farther (black). The eraser gives back Algorithm 1's strength, or the "
           "estimated depth. Each stroke is one undo step; hold Space to pan."));
    size_->describe(tr("Brush size"), tr("Diameter in pixels of the picture as stylized."));
    hardness_->describe(tr("Brush hardness"),
                        tr("Share of the radius painted at full strength; the rest fades out."));
    opacity_->describe(tr("Brush opacity"),
                       tr("The most one stroke covers, however often it passes over a spot."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mode_);
    layout->addWidget(size_);
    layout->addWidget(hardness_);
    layout->addWidget(opacity_);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT modeChanged(mode()); });
}

BrushMode BrushPanel::mode() const {
    return static_cast<BrushMode>(mode_->currentData().toInt());
}

void BrushPanel::setMode(BrushMode mode) {
    mode_->setCurrentIndex(mode_->findData(int(mode)));
}

Brush BrushPanel::brush(double layerPixelsPerPicturePixel) const {
    Brush b;
    b.size = size_->value() * layerPixelsPerPicturePixel;
    b.hardness = hardness_->value();
    b.opacity = opacity_->value();
    b.grey = mode() == BrushMode::White ? 1.0f : 0.0f;
    b.erase = mode() == BrushMode::Eraser;
    return b;
}

void BrushPanel::setDepthAware(bool depthAware) {
    if (!depthAware) {
        setMode(BrushMode::Off);
    }
    setEnabled(depthAware);
}

}  // namespace depthstyle::ui
