#include "image_pane.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "pane_tools.h"
#include "theme.h"

namespace depthstyle::ui {

ImagePane::ImagePane(const QString& title, QWidget* parent) : QFrame(parent), title_(title) {
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(120, 90);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(title);
    tools_.push_back(std::make_unique<PanZoomTool>());
    updateDescription();
}

void ImagePane::updateDescription() {
    const QString hint = tr("%1 image. Scroll to zoom, drag to pan, double-click to switch "
                            "between fit and 100%.")
                             .arg(title_);
    if (!stale_) {
        setAccessibleDescription(hint);
        return;
    }
    const QString note = updating_ ? tr("Not yet updated to the current settings.")
                                   : tr("Not updated to the current settings: the render stopped.");
    setAccessibleDescription(note + QLatin1Char(' ') + hint);
}

ImagePane::~ImagePane() = default;

void ImagePane::addTool(std::unique_ptr<PaneTool> tool) {
    tools_.insert(tools_.begin(), std::move(tool));
}

void ImagePane::panBy(const QPointF& delta) {
    offset_ += delta;
    fit_ = false;
    update();
    Q_EMIT viewChanged(view());
}

PaneView ImagePane::view() const {
    if (picture_.isEmpty()) {
        return {};
    }
    const QPointF centre = (QPointF(width() / 2.0, height() / 2.0) - offset_) / scale_;
    return {QPointF(centre.x() / picture_.width(), centre.y() / picture_.height()),
            scale_ * picture_.width()};
}

void ImagePane::setView(const PaneView& v) {
    if (image_.isNull() || picture_.isEmpty() || v.pictureWidthOnScreen <= 0) {
        return;
    }
    scale_ = v.pictureWidthOnScreen / picture_.width();
    offset_ = QPointF(width() / 2.0, height() / 2.0) -
              QPointF(v.centre.x() * picture_.width(), v.centre.y() * picture_.height()) * scale_;
    fit_ = false;
    update();
}

void ImagePane::userFit() {
    fitToWindow();
    Q_EMIT viewChanged(view());
}

void ImagePane::userActualSize() {
    showActualSize();
    Q_EMIT viewChanged(view());
}

void ImagePane::setImage(const QImage& image, const QSize& pictureSize, const QImage& detail) {
    const QSize picture = pictureSize.isValid() ? pictureSize : image.size();
    const bool sameSize = picture == picture_;
    image_ = image;
    detail_ = detail;
    picture_ = picture;
    if (!sameSize || fit_) {
        fitToWindow();
    }
    update();
}

void ImagePane::setStale(bool stale, bool updating) {
    if (stale != stale_ || updating != updating_) {
        stale_ = stale;
        updating_ = updating;
        updateDescription();
        update();
    }
}

void ImagePane::setPlaceholder(const QString& text) {
    placeholder_ = text;
    update();
}

void ImagePane::setLegend(const QImage& gradient, const QString& low, const QString& high) {
    legend_ = gradient;
    legendLow_ = low;
    legendHigh_ = high;
    update();
}

void ImagePane::fitToWindow() {
    fit_ = true;
    if (!image_.isNull()) {
        const QSizeF area = fitArea();
        scale_ = std::min(area.width() / picture_.width(), area.height() / picture_.height());
        offset_ = QPointF((width() - picture_.width() * scale_) / 2,
                          (height() - picture_.height() * scale_) / 2);
    }
    update();
}

void ImagePane::showActualSize() {
    fit_ = false;
    scale_ = 1.0;
    if (!image_.isNull()) {
        offset_ = QPointF((width() - picture_.width()) / 2.0, (height() - picture_.height()) / 2.0);
    }
    update();
}

QRectF ImagePane::imageRect(const QRectF& viewport, const QSize& imageSize) const {
    return QRectF(viewport.topLeft() + offset_, QSizeF(imageSize) * scale_);
}

QRectF ImagePane::pictureRect() const {
    return imageRect(rect(), picture_);
}

QPointF ImagePane::pictureFraction(const QPointF& position) const {
    const QRectF r = pictureRect();
    return {(position.x() - r.left()) / std::max(1.0, r.width()),
            (position.y() - r.top()) / std::max(1.0, r.height())};
}

std::optional<QPointF> ImagePane::pictureFractionAt(const QPointF& position) const {
    if (image_.isNull() || pictureRect().isEmpty() || !pictureRect().contains(position)) {
        return std::nullopt;
    }
    const QPointF f = pictureFraction(position);
    return QPointF(std::clamp(f.x(), 0.0, 1.0), std::clamp(f.y(), 0.0, 1.0));
}

void ImagePane::setMarker(std::optional<QPointF> fraction) {
    if (marker_ != fraction) {
        marker_ = fraction;
        update();
    }
}

void ImagePane::drawMarker(QPainter& painter) {
    if (!marker_ || image_.isNull()) {
        return;
    }
    const QRectF r = pictureRect();
    const QPointF at(r.left() + marker_->x() * r.width(), r.top() + marker_->y() * r.height());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // White on a dark outline: visible on any picture.
    for (const auto& [colour, width] : {std::pair{QColor(0, 0, 0, 180), 4.0}, {Qt::white, 2.0}}) {
        painter.setPen(QPen(colour, width));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, 9, 9);
        painter.drawLine(at + QPointF(-15, 0), at + QPointF(-5, 0));
        painter.drawLine(at + QPointF(5, 0), at + QPointF(15, 0));
        painter.drawLine(at + QPointF(0, -15), at + QPointF(0, -5));
        painter.drawLine(at + QPointF(0, 5), at + QPointF(0, 15));
    }
    painter.restore();
}

void ImagePane::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.fillRect(rect().adjusted(1, 1, -1, -1), palette().color(QPalette::Base));
    if (image_.isNull()) {
        painter.setPen(hintColour(palette()));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
    } else {
        painter.setRenderHint(
            QPainter::SmoothPixmapTransform,
            scale_ * picture_.width() < image_.width() || image_.size() != picture_);
        paintContent(painter);
    }
    QString note;
    if (stale_ && !image_.isNull()) {
        note = updating_ ? tr("updating…") : tr("not updated");
    }
    const TopTags top = topTags(painter.fontMetrics(), note);
    if (!top.title.isEmpty()) {
        drawTag(painter, top.titleTag.topLeft(), top.title);
    }
    if (!note.isEmpty()) {
        drawTag(painter, top.note.topLeft(), note);
    }
    drawMarker(painter);
    if (!image_.isNull()) {
        const QString zoom = tr("%1%").arg(qRound(scale_ * 100));
        const Overlays at = overlays(painter.fontMetrics(), zoom);
        if (!at.legend.isEmpty()) {
            drawLegend(painter, at.legend);
        }
        drawTag(painter, at.zoom.topLeft(), zoom);
    }
    Q_EMIT painted();
}

void ImagePane::paintContent(QPainter& painter) {
    drawPicture(painter, imageRect(rect(), picture_), image_, detail_);
}

void ImagePane::drawPicture(QPainter& painter, const QRectF& target, const QImage& proxy,
                            const QImage& detail) const {
    const QRectF area = painter.hasClipping() ? painter.clipBoundingRect() : QRectF(rect());
    const QRectF visible = target.intersected(area);
    if (visible.isEmpty() || proxy.isNull()) {
        return;
    }
    // In device pixels: on a 2x screen the proxy runs out at half the zoom.
    const bool zoomedIn =
        !detail.isNull() && target.width() * devicePixelRatioF() > proxy.width() * 1.05;
    const QImage& source = zoomedIn ? detail : proxy;
    const double sx = source.width() / target.width();
    const double sy = source.height() / target.height();
    // Only the visible part is read: the pictures are 32-bit, drawn without
    // a conversion of the whole image.
    const QRectF from((visible.left() - target.left()) * sx, (visible.top() - target.top()) * sy,
                      visible.width() * sx, visible.height() * sy);
    painter.drawImage(visible, source, from);
}

QSize ImagePane::tagSize(const QFontMetrics& metrics, const QString& text) {
    return metrics.boundingRect(text).adjusted(-4, -2, 4, 2).size();
}

void ImagePane::drawTag(QPainter& painter, const QPointF& at, const QString& text) const {
    const QRectF placed(at, QSizeF(tagSize(painter.fontMetrics(), text)));
    painter.fillRect(placed, QColor(0, 0, 0, 150));
    painter.setPen(Qt::white);
    painter.drawText(placed, Qt::AlignCenter, text);
}

ImagePane::Overlays ImagePane::overlays(const QFontMetrics& metrics, const QString& zoom) const {
    // The zoom at the bottom left, the legend at the bottom right, narrower
    // to keep clear of the zoom; where the pane is too narrow for both, the
    // zoom goes above the legend.
    Overlays at;
    at.zoom = QRect(QPoint(6, height() - metrics.height() - 10), tagSize(metrics, zoom));
    if (legend_.isNull()) {
        return at;
    }
    const int names =
        metrics.horizontalAdvance(legendLow_) + metrics.horizontalAdvance(legendHigh_) + 12;
    const int room = width() - 20 - (at.zoom.right() + 6);
    const int barWidth = std::min(160, room >= names ? room : width() - 20);
    at.legend = QRect(width() - barWidth - 14, height() - 38, barWidth + 8, 36);
    if (at.legend.intersects(at.zoom)) {
        at.zoom.moveBottom(at.legend.top() - 4);
    }
    return at;
}

ImagePane::TopTags ImagePane::topTags(const QFontMetrics& metrics, const QString& note) const {
    // Where both do not fit, the title gives way, never the note.
    TopTags at;
    int titleRight = width() - 6;
    if (!note.isEmpty()) {
        at.note = QRect(QPoint(0, 6), tagSize(metrics, note));
        at.note.moveRight(width() - 7);
        titleRight = at.note.left() - 6;
    }
    at.title = title_;
    if (6 + tagSize(metrics, title_).width() > titleRight) {
        at.title = metrics.elidedText(title_, Qt::ElideRight, titleRight - 6 - 8);
        if (at.title == QStringLiteral("…")) {
            at.title.clear();
        }
    }
    if (!at.title.isEmpty()) {
        at.titleTag = QRect(QPoint(6, 6), tagSize(metrics, at.title));
    }
    return at;
}

void ImagePane::drawLegend(QPainter& painter, const QRect& box) const {
    painter.fillRect(box, QColor(0, 0, 0, 150));
    const QRect bar = box.adjusted(4, 4, -4, -22);
    painter.drawImage(bar, legend_);
    painter.setPen(Qt::white);
    const QRect names(bar.left(), bar.bottom() + 2, bar.width(), 16);
    painter.drawText(names, Qt::AlignLeft | Qt::AlignVCenter, legendLow_);
    painter.drawText(names, Qt::AlignRight | Qt::AlignVCenter, legendHigh_);
}

void ImagePane::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    if (fit_) {
        fitToWindow();
    }
}

void ImagePane::zoomAt(const QPointF& at, double factor) {
    const double newScale = std::clamp(scale_ * factor, 0.02, 32.0);
    offset_ = at - (at - offset_) * (newScale / scale_);
    scale_ = newScale;
    fit_ = false;
    update();
    Q_EMIT viewChanged(view());
}

std::vector<PaneTool*> ImagePane::activeTools() const {
    std::vector<PaneTool*> tools;
    if (spaceHeld_) {
        tools.push_back(tools_.back().get());  // the pan/zoom tool
        return tools;
    }
    for (const auto& tool : tools_) {
        tools.push_back(tool.get());
    }
    return tools;
}

void ImagePane::wheelEvent(QWheelEvent* event) {
    for (PaneTool* tool : activeTools()) {
        if (tool->wheel(*this, event)) {
            event->accept();
            return;
        }
    }
}

void ImagePane::mousePressEvent(QMouseEvent* event) {
    for (PaneTool* tool : activeTools()) {
        if (tool->mousePress(*this, event)) {
            return;
        }
    }
}

void ImagePane::mouseMoveEvent(QMouseEvent* event) {
    for (PaneTool* tool : activeTools()) {
        if (tool->mouseMove(*this, event)) {
            return;
        }
    }
}

void ImagePane::mouseReleaseEvent(QMouseEvent* event) {
    for (PaneTool* tool : activeTools()) {
        if (tool->mouseRelease(*this, event)) {
            return;
        }
    }
}

void ImagePane::mouseDoubleClickEvent(QMouseEvent*) {
    if (fit_) {
        userActualSize();
    } else {
        userFit();
    }
}

void ImagePane::keyPressEvent(QKeyEvent* event) {
    // Space held: a drag pans whatever tool the pane has.
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QFrame::keyPressEvent(event);
}

void ImagePane::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        unsetCursor();
        return;
    }
    QFrame::keyReleaseEvent(event);
}

void ImagePane::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Fit to Pane"), this, &ImagePane::userFit);
    menu.addAction(tr("Actual Size (100%)"), this, &ImagePane::userActualSize);
    menu.addAction(tr("Zoom In"), this, [this] { zoomAt(rect().center(), 1.25); });
    menu.addAction(tr("Zoom Out"), this, [this] { zoomAt(rect().center(), 0.8); });
    menu.addSeparator();
    menu.addAction(tr("Enlarge…"), this, &ImagePane::enlargeRequested);
    menu.exec(event->globalPos());
}

void ImagePane::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void ImagePane::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT filesDropped(paths, event->position().toPoint());
    }
}

}  // namespace depthstyle::ui
