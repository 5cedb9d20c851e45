#pragma once

#include <QGroupBox>
#include <QStringList>
#include <vector>

#include "document.h"

class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QVBoxLayout;

namespace depthstyle::ui {

// The style list: each style with its weight (style interpolation) or its
// place (near, far), a button to remove it, one to add a style, and how
// the styles mix.
class StylesPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit StylesPanel(QWidget* parent = nullptr);

    // Shows the document's styles and mix, without emitting.
    void setDocument(const doc::Document& document);

    QComboBox* mixCombo() const { return mix_; }
    QPushButton* addButton() const { return add_; }
    // The weight box and remove button of style `index` (tests).
    QDoubleSpinBox* weightBox(size_t index) const;
    QPushButton* removeButton(size_t index) const;

Q_SIGNALS:
    void addRequested();
    void removeRequested(size_t index);
    void weightsChanged(const std::vector<double>& weights);
    void mixKindChanged(depthstyle::StyleMix::Kind kind);

private:
    void rebuild(const doc::Document& document);
    void rebuildRows(const QStringList& labels, bool nearFar);
    std::vector<double> weights() const;

    QComboBox* mix_;
    QPushButton* add_;
    QVBoxLayout* rows_;
    std::vector<QDoubleSpinBox*> weightBoxes_;
    std::vector<QPushButton*> removeButtons_;
    std::vector<QWidget*> rowWidgets_;
    QStringList shownLabels_;
    bool shownNearFar_ = false;
};

}  // namespace depthstyle::ui
