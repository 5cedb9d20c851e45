#pragma once

#include <QWidget>

#include "depthstyle/decoder_speed.h"
#include "document_commands.h"
#include "parameters.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace depthstyle::ui {

class DepthLevelsBar;
class LabeledSlider;

// The controls: beta and epsilon, method and alpha, sizes, depth source.
class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    // The document's parameters with the panel's controls (and the levels
    // bar's) applied: fields the panel has no control for (the focus, the
    // layers) are those last given to setParameters().
    doc::Parameters parameters() const;
    // Shows `p` without emitting parametersChanged.
    void setParameters(const doc::Parameters& p);
    // The Fast decoding control's description: what bfloat16 measured on
    // this processor, or that it is measured when first turned on.
    void setDecoderSpeed(const std::optional<DecoderSpeed>& speed);
    LabeledSlider* betaSlider() const { return beta_; }
    LabeledSlider* epsilonSlider() const { return epsilon_; }
    LabeledSlider* alphaSlider() const { return alpha_; }
    QCheckBox* fastDecodingBox() const { return fastDecoding_; }
    QComboBox* preserveColorCombo() const { return preserveColor_; }
    // Placed by the window under the depth pane.
    DepthLevelsBar* levelsBar() const { return levels_; }

Q_SIGNALS:
    // `control` names what changed, for undo merging.
    void parametersChanged(depthstyle::ui::ParameterControl control);
    void depthFileRequested();

private:
    QComboBox* sizeCombo(const QString& name, const QString& description);
    void updateEnabled();

    LabeledSlider* beta_;
    LabeledSlider* epsilon_;
    QComboBox* method_;
    LabeledSlider* alpha_;
    QCheckBox* matched_;
    QComboBox* contentSize_;
    QComboBox* styleSize_;
    QComboBox* depthSource_;
    QLabel* depthFile_;
    QPushButton* chooseDepth_;
    QCheckBox* depthIsDistance_;
    QCheckBox* fastDecoding_;
    QComboBox* preserveColor_;
    QString depthPath_;
    DepthLevelsBar* levels_;
    doc::Parameters base_;
    bool levelsEdited_ = false;
};

}  // namespace depthstyle::ui
