#pragma once

#include <QWidget>
#include <vector>

#include "variation_values.h"

class QGridLayout;
class QToolButton;

namespace depthstyle::ui {

// The Variations grid on screen: one button per cell (columns beta, rows
// epsilon), its picture above "β = …, ε = …". A click, Enter or Space
// adopts the cell; the arrow keys move between cells. The cell holding the
// document's current values is shown checked.
class VariationCells : public QWidget {
    Q_OBJECT
public:
    explicit VariationCells(QWidget* parent = nullptr);

    // New cells, all waiting for their pictures.
    void setGrid(const std::vector<double>& betas, const std::vector<double>& epsilons);
    // A cell's picture (null: still rendering) or the reason it failed.
    void setPicture(int index, const QImage& picture);
    void setFailed(int index, const QString& error);
    void setCurrent(const VariationValues& current);

    int count() const { return static_cast<int>(values_.size()); }
    int columns() const { return columns_; }
    const VariationValues& values(int index) const { return values_.at(size_t(index)); }
    QToolButton* cell(int index) const { return cells_.at(size_t(index)); }
    // "β = 20, ε = 0.15", as under each cell and on the contact sheet.
    static QString label(const VariationValues& values);

Q_SIGNALS:
    void adopted(const depthstyle::ui::VariationValues& values);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitIcons();
    void describeCell(int index, const QString& state);

    QGridLayout* layout_;
    std::vector<QToolButton*> cells_;
    std::vector<VariationValues> values_;
    VariationValues current_;
    int columns_ = 0;
};

}  // namespace depthstyle::ui
