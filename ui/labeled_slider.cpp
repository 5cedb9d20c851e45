#include "labeled_slider.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

namespace depthstyle::ui {

LabeledSlider::LabeledSlider(const QString& label, double minimum, double maximum, double step,
                             double defaultValue, int decimals, QWidget* parent)
    : QWidget(parent),
      label_(new QLabel(label, this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      spin_(new QDoubleSpinBox(this)),
      minimum_(minimum),
      step_(step),
      default_(defaultValue) {
    slider_->setRange(0, toSlider(maximum));
    slider_->setPageStep(std::max(1, slider_->maximum() / 20));
    // Room to drag in a narrow window too (the layouts give way elsewhere).
    slider_->setMinimumWidth(kMinimumSliderWidth);
    spin_->setRange(minimum, maximum);
    spin_->setSingleStep(step);
    spin_->setDecimals(decimals);
    spin_->setKeyboardTracking(false);
    label_->setBuddy(spin_);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    setValue(defaultValue);
    slider_->installEventFilter(this);

    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        const double v = minimum_ + position * step_;
        const QSignalBlocker block(spin_);
        spin_->setValue(v);
        Q_EMIT valueChanged(v);
    });
    connect(slider_, &QSlider::sliderPressed, this, [this] { Q_EMIT held(true); });
    connect(slider_, &QSlider::sliderReleased, this, [this] { Q_EMIT held(false); });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(slider_);
        slider_->setValue(toSlider(v));
        Q_EMIT valueChanged(v);
    });
}

int LabeledSlider::toSlider(double value) const {
    return static_cast<int>(std::lround((value - minimum_) / step_));
}

double LabeledSlider::value() const {
    return spin_->value();
}

void LabeledSlider::setValue(double value) {
    const QSignalBlocker blockSlider(slider_);
    const QSignalBlocker blockSpin(spin_);
    spin_->setValue(value);
    slider_->setValue(toSlider(value));
}

void LabeledSlider::resetToDefault() {
    if (value() != default_) {
        setValue(default_);
        Q_EMIT valueChanged(default_);
    }
}

void LabeledSlider::describe(const QString& name, const QString& description) {
    const QString tip =
        description + "\n" +
        tr("Double-click the slider to reset it to %1.").arg(QString::number(default_));
    slider_->setAccessibleName(name);
    slider_->setAccessibleDescription(description);
    slider_->setToolTip(tip);
    spin_->setAccessibleName(tr("%1 value").arg(name));
    spin_->setAccessibleDescription(description);
    spin_->setToolTip(tip);
    label_->setToolTip(tip);
}

bool LabeledSlider::eventFilter(QObject* watched, QEvent* event) {
    if (watched == slider_ && event->type() == QEvent::MouseButtonDblClick) {
        resetToDefault();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace depthstyle::ui
