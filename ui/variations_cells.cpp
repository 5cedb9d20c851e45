#include "variations_cells.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QPainter>
#include <QToolButton>
#include <algorithm>

#include "widget_description.h"

namespace depthstyle::ui {
namespace {

// A cell still rendering: a plain tile where its picture will be.
QPixmap waitingTile(const QColor& colour) {
    QPixmap tile(64, 64);
    tile.fill(colour);
    return tile;
}

}  // namespace

VariationCells::VariationCells(QWidget* parent) : QWidget(parent), layout_(new QGridLayout(this)) {
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(6);
    describeWidget(this, tr("Variations"),
                   tr("The result for each beta (columns) and epsilon (rows). Arrow keys move "
                      "between cells; Enter or a click uses a cell's values."));
}

QString VariationCells::label(const VariationValues& v) {
    return tr("β = %1, ε = %2").arg(v.beta).arg(v.epsilon);
}

void VariationCells::setGrid(const std::vector<double>& betas,
                             const std::vector<double>& epsilons) {
    for (QToolButton* cell : cells_) {
        delete cell;
    }
    cells_.clear();
    values_.clear();
    columns_ = static_cast<int>(betas.size());
    for (size_t row = 0; row < epsilons.size(); ++row) {
        for (size_t column = 0; column < betas.size(); ++column) {
            const VariationValues values{betas[column], epsilons[row]};
            auto* cell = new QToolButton(this);
            cell->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
            cell->setText(label(values));
            cell->setCheckable(true);
            cell->setFocusPolicy(Qt::StrongFocus);
            cell->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
            cell->setIcon(waitingTile(palette().color(QPalette::Mid)));
            cell->installEventFilter(this);
            connect(cell, &QToolButton::clicked, this, [this, values] {
                setCurrent(current_);  // the click toggled it; the document decides
                Q_EMIT adopted(values);
            });
            layout_->addWidget(cell, int(row), int(column));
            cell->show();  // also when made in the dialog's showEvent
            cells_.push_back(cell);
            values_.push_back(values);
            describeCell(count() - 1, tr("Rendering…"));
        }
    }
    setCurrent(current_);
    fitIcons();
}

void VariationCells::describeCell(int index, const QString& state) {
    describeWidget(cells_[size_t(index)], label(values_[size_t(index)]), state);
}

void VariationCells::setPicture(int index, const QImage& picture) {
    if (index < 0 || index >= count()) {
        return;
    }
    cells_[size_t(index)]->setIcon(picture.isNull() ? waitingTile(palette().color(QPalette::Mid))
                                                    : QPixmap::fromImage(picture));
    describeCell(index,
                 picture.isNull()
                     ? tr("Rendering…")
                     : tr("Click or press Enter to use β = %1 and ε = %2 (Ctrl+Z undoes it).")
                           .arg(values_[size_t(index)].beta)
                           .arg(values_[size_t(index)].epsilon));
}

void VariationCells::setFailed(int index, const QString& error) {
    if (index < 0 || index >= count()) {
        return;
    }
    cells_[size_t(index)]->setIcon(waitingTile(palette().color(QPalette::Dark)));
    describeCell(index, tr("Not rendered: %1").arg(error));
}

void VariationCells::setCurrent(const VariationValues& current) {
    current_ = current;
    for (int i = 0; i < count(); ++i) {
        cells_[size_t(i)]->setChecked(values_[size_t(i)] == current);
    }
}

bool VariationCells::eventFilter(QObject* watched, QEvent* event) {
    const auto found = std::find(cells_.begin(), cells_.end(), watched);
    if (event->type() != QEvent::KeyPress || found == cells_.end() || columns_ == 0) {
        return QWidget::eventFilter(watched, event);
    }
    const int index = static_cast<int>(found - cells_.begin());
    int next = -1;
    switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            (*found)->click();
            return true;
        case Qt::Key_Left:
            next = index % columns_ > 0 ? index - 1 : -1;
            break;
        case Qt::Key_Right:
            next = index % columns_ < columns_ - 1 ? index + 1 : -1;
            break;
        case Qt::Key_Up:
            next = index - columns_;
            break;
        case Qt::Key_Down:
            next = index + columns_;
            break;
        default:
            return QWidget::eventFilter(watched, event);
    }
    if (next >= 0 && next < count()) {
        cells_[size_t(next)]->setFocus(Qt::OtherFocusReason);
    }
    return true;  // at an edge the focus stays
}

void VariationCells::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitIcons();
}

void VariationCells::fitIcons() {
    if (cells_.empty()) {
        return;
    }
    const int rows = (count() + columns_ - 1) / columns_;
    const int text = fontMetrics().height() + 16;  // the label and the button's frame
    const int spacing = layout_->spacing();
    const int w = (width() - spacing * (columns_ - 1)) / columns_ - 12;
    const int h = (height() - spacing * (rows - 1)) / rows - text;
    const int side = std::max(24, std::min(w, h));
    for (QToolButton* cell : cells_) {
        cell->setIconSize(QSize(side, side));
    }
}

}  // namespace depthstyle::ui
