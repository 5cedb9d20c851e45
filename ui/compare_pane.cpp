#include "compare_pane.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "pane_tools.h"

namespace depthstyle::ui {

ComparePane::ComparePane(const QString& title, QWidget* parent)
    : ImagePane(title, parent), resultLabel_(tr("DA-AdaIN")), comparisonLabel_(tr("AdaIN")) {
    setMouseTracking(true);
    addTool(std::make_unique<WipeDividerTool>(*this));
}

bool ComparePane::comparable() const {
    return !image().isNull() && !plain_.isNull() && plainPicture_ == pictureSize();
}

bool ComparePane::showsWipe() const {
    return mode_ == Mode::Wipe && comparable();
}

void ComparePane::setComparison(const QImage& plain, const QImage& detail) {
    plain_ = plain;
    plainDetail_ = detail;
    plainPicture_ = detail.isNull() ? plain.size() : detail.size();
    if (isFitted()) {
        fitToWindow();  // side by side starts once there is a comparison
    }
    update();
}

void ComparePane::setMode(Mode mode) {
    const bool changed = mode != mode_;
    mode_ = mode;
    if (isFitted()) {
        fitToWindow();  // side by side fits each half
    }
    update();
    if (changed) {
        Q_EMIT modeChanged(mode);
    }
}

void ComparePane::setLabels(const QString& result, const QString& comparison) {
    resultLabel_ = result;
    comparisonLabel_ = comparison;
    update();
}

QSizeF ComparePane::fitArea() const {
    const bool halves = mode_ == Mode::SideBySide && comparable();
    return halves ? QSizeF(width() / 2.0, height()) : QSizeF(size());
}

void ComparePane::setWipePosition(double fraction) {
    wipe_ = std::clamp(fraction, 0.0, 1.0);
    update();
}

double ComparePane::dividerX() const {
    const QRectF target = imageRect(rect(), pictureSize());
    return target.left() + wipe_ * target.width();
}

void ComparePane::paintContent(QPainter& painter) {
    const bool comparing = mode_ != Mode::Off && comparable();
    if (!comparing) {
        ImagePane::paintContent(painter);
        return;
    }
    if (mode_ == Mode::SideBySide) {
        const QRectF left(0, 0, width() / 2.0, height());
        const QRectF right(width() / 2.0, 0, width() / 2.0, height());
        // Both halves share the zoom and pan, each centred on its half.
        const double shift = width() / 4.0;
        const struct {
            QRectF viewport;
            const QImage* picture;
            const QImage* detail;
            QString label;
            double dx;
        } halves[] = {{left, &image(), &this->detail(), resultLabel_, -shift},
                      {right, &plain_, &plainDetail_, comparisonLabel_, shift}};
        for (const auto& [viewport, picture, detail, label, dx] : halves) {
            painter.save();
            painter.setClipRect(viewport);
            drawPicture(painter, imageRect(rect(), pictureSize()).translated(dx, 0), *picture,
                        *detail);
            painter.restore();
            drawTag(painter, viewport.topLeft() + QPointF(6, 30), label);
        }
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawLine(QPointF(width() / 2.0, 0), QPointF(width() / 2.0, height()));
        return;
    }
    const QRectF target = imageRect(rect(), pictureSize());
    const double x = dividerX();
    painter.save();
    painter.setClipRect(QRectF(0, 0, x, height()));
    drawPicture(painter, target, image(), detail());
    painter.setClipRect(QRectF(x, 0, width() - x, height()));
    drawPicture(painter, target, plain_, plainDetail_);
    painter.restore();
    // White on a dark outline: visible on any picture and either palette.
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 140), 4));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(QPen(QColor(0, 0, 0, 140), 1.5));
    painter.setBrush(Qt::white);
    painter.drawEllipse(QPointF(x, height() / 2.0), 6, 6);
    // The tags beside the divider, inside the pane; a second row when they
    // would overlap.
    const QFontMetrics metrics = painter.fontMetrics();
    const double leftWidth = metrics.horizontalAdvance(resultLabel_) + 8;
    const double rightWidth = metrics.horizontalAdvance(comparisonLabel_) + 8;
    const double leftX = std::clamp(x - 8 - leftWidth, 6.0, std::max(6.0, width() - leftWidth - 6));
    const double rightX = std::clamp(x + 8, 6.0, std::max(6.0, width() - rightWidth - 6));
    const bool overlap = leftX + leftWidth + 4 > rightX;
    drawTag(painter, QPointF(leftX, 30), resultLabel_);
    drawTag(painter, QPointF(rightX, overlap ? 30 + metrics.height() + 8 : 30), comparisonLabel_);
}

}  // namespace depthstyle::ui
