#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace depthstyle::ui {

// A slider paired with a spin box, kept in sync; a double-click on the slider
// resets it to its default. `valueChanged` fires once per user change.
class LabeledSlider : public QWidget {
    Q_OBJECT
public:
    LabeledSlider(const QString& label, double minimum, double maximum, double step,
                  double defaultValue, int decimals, QWidget* parent = nullptr);

    // The least width of the slider part, in pixels.
    static constexpr int kMinimumSliderWidth = 80;

    double value() const;
    // Sets the value without emitting valueChanged.
    void setValue(double value);
    void resetToDefault();
    double defaultValue() const { return default_; }
    // Accessible name, description and tooltip for both parts.
    void describe(const QString& name, const QString& description);
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }

Q_SIGNALS:
    void valueChanged(double value);
    // The slider's handle pressed (true) and released (false): a drag, one
    // undo step.
    void held(bool down);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    int toSlider(double value) const;

    QLabel* label_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
    double minimum_;
    double step_;
    double default_;
};

}  // namespace depthstyle::ui
