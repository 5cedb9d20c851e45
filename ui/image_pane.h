#pragma once

#include <QFrame>
#include <QImage>
#include <memory>
#include <optional>
#include <vector>

class QFontMetrics;

namespace depthstyle::ui {

class PaneTool;

// What part of its picture a pane shows, independent of the pane's and the
// picture's sizes: the picture point (as fractions) at the pane's centre and
// how wide the whole picture would be on screen.
struct PaneView {
    QPointF centre;
    double pictureWidthOnScreen = 0.0;
};

// Shows one image with zoom (wheel, fit, 100%) and pan (drag); a title and an
// optional legend are drawn on top. Accepts dropped image files.
class ImagePane : public QFrame {
    Q_OBJECT
public:
    explicit ImagePane(const QString& title, QWidget* parent = nullptr);
    ~ImagePane() override;

    // `pictureSize`, when given, is the size of the picture `image` stands
    // for (a screen-sized proxy): zoom, pan and 100% follow the picture, not
    // the proxy. `detail`, when given, is the picture itself, drawn (only
    // its visible part) once the zoom goes beyond the proxy's resolution.
    void setImage(const QImage& image, const QSize& pictureSize = QSize(),
                  const QImage& detail = QImage());
    const QImage& image() const { return image_; }
    const QImage& detail() const { return detail_; }
    QSize pictureSize() const { return picture_; }
    void setPlaceholder(const QString& text);
    void setLegend(const QImage& gradient, const QString& low, const QString& high);
    // Marks the picture as not showing the current settings: a tag in the
    // top-right corner, "updating…" while a render is on its way, "not
    // updated" once it was cancelled or failed.
    void setStale(bool stale, bool updating = true);
    bool isStale() const { return stale_; }
    bool isUpdating() const { return stale_ && updating_; }
    // Where the zoom tag and the legend (empty: none) go, for `zoom`'s text.
    struct Overlays {
        QRect zoom;
        QRect legend;
    };
    Overlays overlays(const QFontMetrics& metrics, const QString& zoom) const;
    // The title tag (its text elided, or empty, where the pane is too
    // narrow) and the note (empty: none) at the top right, side by side.
    struct TopTags {
        QString title;
        QRect titleTag;
        QRect note;
    };
    TopTags topTags(const QFontMetrics& metrics, const QString& note) const;
    QString title() const { return title_; }

    void fitToWindow();
    void showActualSize();
    bool isFitted() const { return fit_; }
    double zoom() const { return scale_; }

    PaneView view() const;
    // Shows `view` (linked zoom); does not emit viewChanged().
    void setView(const PaneView& view);

    // The view, for the pane's tools.
    void zoomAt(const QPointF& at, double factor);
    void panBy(const QPointF& delta);
    // Where the image lies on the widget at the current zoom and pan.
    QRectF imageRect(const QRectF& viewport, const QSize& imageSize) const;
    // Where the (result) picture lies on the widget.
    virtual QRectF pictureRect() const;
    // A widget position as fractions of the picture's width and height,
    // also outside the picture (a brush stroke may leave it and come back).
    QPointF pictureFraction(const QPointF& position) const;
    // The same, but nothing outside the picture.
    std::optional<QPointF> pictureFractionAt(const QPointF& position) const;
    // A marker (the focus point) at a picture point given as fractions;
    // nothing: none.
    void setMarker(std::optional<QPointF> fraction);
    std::optional<QPointF> marker() const { return marker_; }
    // Tools asked before the others (the pan/zoom tool is always last).
    void addTool(std::unique_ptr<PaneTool> tool);

Q_SIGNALS:
    void filesDropped(const QStringList& paths, const QPoint& position);
    void enlargeRequested();
    void painted();  // after each paint (the render log's latency)
    // The user zoomed or panned this pane.
    void viewChanged(const depthstyle::ui::PaneView& view);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

    // Draws the image(s); the compare pane draws two.
    virtual void paintContent(QPainter& painter);
    // The area the picture fits into when fitted (side by side: a half).
    virtual QSizeF fitArea() const { return QSizeF(size()); }
    // The box of a tag showing `text` (the text with a small margin).
    static QSize tagSize(const QFontMetrics& metrics, const QString& text);
    void drawTag(QPainter& painter, const QPointF& at, const QString& text) const;
    // Draws the visible part of a picture placed at `target`: from `proxy`,
    // or from `detail` when the zoom is beyond the proxy's resolution.
    void drawPicture(QPainter& painter, const QRectF& target, const QImage& proxy,
                     const QImage& detail) const;

private:
    void drawLegend(QPainter& painter, const QRect& box) const;
    void drawMarker(QPainter& painter);
    // The tools to ask: only pan/zoom while Space is held.
    std::vector<PaneTool*> activeTools() const;
    void userFit();
    void userActualSize();
    void updateDescription();

    QString title_;
    QString placeholder_;
    QImage image_;
    QImage detail_;
    QSize picture_;
    QImage legend_;
    QString legendLow_;
    QString legendHigh_;
    bool stale_ = false;
    bool updating_ = true;
    std::optional<QPointF> marker_;
    bool spaceHeld_ = false;
    bool fit_ = true;
    double scale_ = 1.0;
    QPointF offset_;  // widget position of the image's top-left corner
    std::vector<std::unique_ptr<PaneTool>> tools_;
};

}  // namespace depthstyle::ui
