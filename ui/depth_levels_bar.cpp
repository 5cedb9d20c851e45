#include "depth_levels_bar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QPushButton>
#include <QSignalBlocker>

#include "labeled_slider.h"
#include "widget_description.h"

namespace depthstyle::ui {

DepthLevelsBar::DepthLevelsBar(QWidget* parent)
    : QWidget(parent),
      black_(new LabeledSlider(tr("Black"), 0.0, 0.99, 0.01, 0.0, 2, this)),
      white_(new LabeledSlider(tr("White"), 0.01, 1.0, 0.01, 1.0, 2, this)),
      gamma_(new LabeledSlider(tr("Gamma"), 0.1, 10.0, 0.05, 1.0, 2, this)),
      invert_(new QCheckBox(tr("&Invert depth"), this)),
      clearFocus_(new QPushButton(tr("Clear &focus"), this)) {
    black_->describe(tr("Depth black point"),
                     tr("Proximity at or below this (0 to 1, after normalising) counts as the "
                        "farthest. Raise it when the background is judged too near."));
    white_->describe(tr("Depth white point"),
                     tr("Proximity at or above this counts as the nearest. Lower it to treat "
                        "more of the picture as foreground."));
    gamma_->describe(tr("Depth gamma"),
                     tr("Above 1 pushes middle depths nearer, below 1 farther: p' = p^(1/gamma) "
                        "after the black and white points."));
    describeWidget(invert_, tr("Invert depth"),
                   tr("Swap near and far, after the levels: for depth maps the wrong way "
                      "round, or to stylize the foreground instead."));
    describeWidget(clearFocus_, tr("Clear focus"),
                   tr("Forget the focus point (click the result or depth pane to set one; "
                      "Alt+click also clears it)."));
    clearFocus_->setEnabled(false);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(black_, 0, 0);
    layout->addWidget(white_, 0, 1);
    layout->addWidget(gamma_, 1, 0);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(invert_);
    buttons->addStretch(1);
    buttons->addWidget(clearFocus_);
    layout->addLayout(buttons, 1, 1);

    // Black stays below white: moving one past the other pushes it along.
    connect(black_, &LabeledSlider::valueChanged, this, [this](double v) {
        if (white_->value() <= v) {
            white_->setValue(std::min(1.0, v + 0.01));
        }
        Q_EMIT levelsChanged(0);
    });
    connect(white_, &LabeledSlider::valueChanged, this, [this](double v) {
        if (black_->value() >= v) {
            black_->setValue(std::max(0.0, v - 0.01));
        }
        Q_EMIT levelsChanged(1);
    });
    connect(gamma_, &LabeledSlider::valueChanged, this, [this] { Q_EMIT levelsChanged(2); });
    connect(invert_, &QCheckBox::toggled, this, [this] { Q_EMIT levelsChanged(3); });
    connect(clearFocus_, &QPushButton::clicked, this, &DepthLevelsBar::clearFocusRequested);
}

DepthLevels DepthLevelsBar::levels() const {
    return {black_->value(), white_->value(), gamma_->value(), invert_->isChecked()};
}

void DepthLevelsBar::setLevels(const DepthLevels& levels) {
    const QSignalBlocker block(invert_);
    black_->setValue(levels.black);
    white_->setValue(levels.white);
    gamma_->setValue(levels.gamma);
    invert_->setChecked(levels.invert);
}

void DepthLevelsBar::setFocusShown(bool focused) {
    clearFocus_->setEnabled(focused);
}

void DepthLevelsBar::setDepthAware(bool depthAware) {
    for (QWidget* w : std::initializer_list<QWidget*>{black_, white_, gamma_, invert_}) {
        w->setEnabled(depthAware);
    }
}

}  // namespace depthstyle::ui
