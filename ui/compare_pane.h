#pragma once

#include "image_pane.h"

namespace depthstyle::ui {

// The result pane: the DA-AdaIN result, optionally compared with plain AdaIN
// through a wipe (drag the divider) or side by side.
class ComparePane : public ImagePane {
    Q_OBJECT
public:
    enum class Mode { Off, Wipe, SideBySide };

    explicit ComparePane(const QString& title, QWidget* parent = nullptr);

    // `detail` as in setImage(): the full picture when `plain` is a proxy.
    void setComparison(const QImage& plain, const QImage& detail = QImage());
    const QImage& comparison() const { return plain_; }
    // The tags of the two pictures ("DA-AdaIN β 20 ε 0.15", "AdaIN α 0").
    void setLabels(const QString& result, const QString& comparison);
    QString resultLabel() const { return resultLabel_; }
    QString comparisonLabel() const { return comparisonLabel_; }
    // Why there may be nothing to compare with ("No export yet…"): shown in
    // the pane while comparing and the comparison is missing or of another
    // size; missingNote() is what is shown now (empty: nothing).
    void setMissingNote(const QString& note);
    QString missingNote() const;
    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // Divider position as a fraction of the image width, in [0,1].
    void setWipePosition(double fraction);
    double wipePosition() const { return wipe_; }
    // Where the wipe's two tags go for a divider at `dividerX`: beside it,
    // inside the pane, never overlapping (a second row when needed).
    struct WipeTags {
        QRectF result, comparison;
    };
    static WipeTags placeWipeTags(double paneWidth, double dividerX, const QSizeF& result,
                                  const QSizeF& comparison);

    // Whether the wipe divider is on screen, and where (widget x).
    bool showsWipe() const;
    QRectF pictureRect() const override;
    double dividerX() const;

Q_SIGNALS:
    void modeChanged(depthstyle::ui::ComparePane::Mode mode);

protected:
    void paintContent(QPainter& painter) override;
    QSizeF fitArea() const override;

private:
    bool comparable() const;

    QImage plain_;
    QImage plainDetail_;
    QSize plainPicture_;
    QString resultLabel_;
    QString comparisonLabel_;
    QString missingNote_;
    Mode mode_ = Mode::Wipe;
    double wipe_ = 0.5;
};

}  // namespace depthstyle::ui
