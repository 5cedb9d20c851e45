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

void ComparePane::setMissingNote(const QString& note) {
    missingNote_ = note;
    update();
}

QString ComparePane::missingNote() const {
    const bool missing = mode_ != Mode::Off && !image().isNull() && !comparable();
    return missing ? missingNote_ : QString();
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

QRectF ComparePane::pictureRect() const {
    const QRectF r = ImagePane::pictureRect();
    // Side by side, the result is the left half's picture.
    return mode_ == Mode::SideBySide && comparable() ? r.translated(-width() / 4.0, 0) : r;
}

void ComparePane::paintContent(QPainter& painter) {
    const bool comparing = mode_ != Mode::Off && comparable();
    if (!comparing) {
        ImagePane::paintContent(painter);
        const QString note = missingNote();
        if (!note.isEmpty()) {
            drawTag(painter, QPointF(6, 30), note);
        }
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
    const QFontMetrics metrics = painter.fontMetrics();
    const WipeTags tags = placeWipeTags(width(), x, QSizeF(tagSize(metrics, resultLabel_)),
                                        QSizeF(tagSize(metrics, comparisonLabel_)));
    drawTag(painter, tags.result.topLeft(), resultLabel_);
    drawTag(painter, tags.comparison.topLeft(), comparisonLabel_);
}

ComparePane::WipeTags ComparePane::placeWipeTags(double paneWidth, double dividerX,
                                                 const QSizeF& result, const QSizeF& comparison) {
    // Beside the divider, inside the pane where it is wide enough; a second
    // row when they would overlap.
    constexpr double kTop = 30;
    const double leftX = std::clamp(dividerX - 8 - result.width(), 6.0,
                                    std::max(6.0, paneWidth - result.width() - 6));
    const double rightX =
        std::clamp(dividerX + 8, 6.0, std::max(6.0, paneWidth - comparison.width() - 6));
    WipeTags tags;
    tags.result = QRectF(QPointF(leftX, kTop), result);
    tags.comparison = QRectF(QPointF(rightX, kTop), comparison);
    if (tags.result.adjusted(-2, 0, 2, 0).intersects(tags.comparison)) {
        tags.comparison.moveTop(tags.result.bottom() + 4);
    }
    return tags;
}

}  // namespace depthstyle::ui
