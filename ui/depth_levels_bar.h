#pragma once

#include <QWidget>

#include "depthstyle/strength_map.h"

class QCheckBox;
class QPushButton;

namespace depthstyle::ui {

class LabeledSlider;

// The controls under the depth pane: levels on the proximity map (black
// point, white point, gamma), invert, and clearing the focus point.
class DepthLevelsBar : public QWidget {
    Q_OBJECT
public:
    explicit DepthLevelsBar(QWidget* parent = nullptr);

    DepthLevels levels() const;
    // Shows `levels` and whether a focus is set, without emitting.
    void setLevels(const DepthLevels& levels);
    void setFocusShown(bool focused);
    // Plain AdaIN reads no depth: the controls are disabled.
    void setDepthAware(bool depthAware);

    LabeledSlider* blackSlider() const { return black_; }
    LabeledSlider* whiteSlider() const { return white_; }
    LabeledSlider* gammaSlider() const { return gamma_; }
    QCheckBox* invertBox() const { return invert_; }
    QPushButton* clearFocusButton() const { return clearFocus_; }

Q_SIGNALS:
    // `which`: 0 black, 1 white, 2 gamma, 3 invert (for undo merging).
    void levelsChanged(int which);
    void clearFocusRequested();

private:
    LabeledSlider* black_;
    LabeledSlider* white_;
    LabeledSlider* gamma_;
    QCheckBox* invert_;
    QPushButton* clearFocus_;
};

}  // namespace depthstyle::ui
