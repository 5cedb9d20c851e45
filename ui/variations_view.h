#pragma once

#include <QDialog>
#include <map>
#include <optional>
#include <utility>

#include "variation_values.h"
#include "variations_grid.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace depthstyle::ui {

class ContactSheetWriter;
class DocumentController;
class NotificationBar;
class RenderService;
class VariationCells;

// View > Variations: a beta x epsilon grid of the current document, each
// cell an exact render from the preview lane's cached features at the
// working size, shown as it arrives. Cells belong to one document state
// (everything but beta and epsilon): any other change, or closing the view,
// drops the cells in flight, and those of an older state are never shown.
// A cell adopted sets beta and epsilon as one undo step. The grid can be
// exported as one contact sheet, written off the window's thread.
class VariationsView : public QDialog {
    Q_OBJECT
public:
    VariationsView(DocumentController& controller, RenderService& service,
                   NotificationBar& notification, QWidget* parent = nullptr);
    ~VariationsView() override;

    // Writes the contact sheet to `path` once every cell is rendered (at
    // once when they are); false, with the message, when it cannot.
    bool exportContactSheet(const QString& path);
    void chooseAndExportContactSheet();
    // The default grid around the document's current beta and epsilon.
    void centreOnCurrentValues();

    // For tests and automation.
    const VariationGrid& grid() const { return grid_; }
    void setGrid(const VariationGrid& grid);
    VariationCells* cells() const { return cells_; }
    QImage picture(int index) const;  // null until rendered
    int renderedCount() const;
    bool complete() const;  // every cell of the grid rendered
    QString message() const;
    bool waitForContactSheet(int timeoutMs);
    QDoubleSpinBox* betaFromBox() const { return betaFrom_; }
    QSpinBox* betaCountBox() const { return betaCount_; }
    QDoubleSpinBox* epsilonToBox() const { return epsilonTo_; }

Q_SIGNALS:
    // A cell of the current state arrived (tests and automation).
    void cellShown(int index);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void buildControls();
    void rangeEdited();
    void showGridValues();
    void refresh();
    void onCell(const VariationCell& cell);
    void updateStatus();
    void say(const QString& text);
    void dropPendingSheet(const QString& why);
    void writeSheet(const QString& path);
    std::vector<VariationValues> gridValues() const;
    std::optional<QString> unavailableReason() const;

    using Key = std::pair<double, double>;  // beta, epsilon

    DocumentController& controller_;
    RenderService& service_;
    NotificationBar& notification_;
    ContactSheetWriter* writer_;
    VariationCells* cells_ = nullptr;
    QDoubleSpinBox* betaFrom_ = nullptr;
    QDoubleSpinBox* betaTo_ = nullptr;
    QSpinBox* betaCount_ = nullptr;
    QDoubleSpinBox* epsilonFrom_ = nullptr;
    QDoubleSpinBox* epsilonTo_ = nullptr;
    QSpinBox* epsilonCount_ = nullptr;
    QPushButton* centre_ = nullptr;
    QPushButton* export_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* message_ = nullptr;

    VariationGrid grid_;
    bool gridChosen_ = false;
    std::optional<VariationGrid> shownGrid_;
    // The document state the cells belong to (beta and epsilon zeroed), its
    // id, and its cells so far (kept while only the grid changes).
    std::optional<doc::Document> state_;
    quint64 stateId_ = 0;
    std::map<Key, QImage> rendered_;
    std::map<Key, QString> failed_;
    std::optional<QString> pendingSheet_;
    bool sayingReason_ = false;  // the message says why there are no cells
};

}  // namespace depthstyle::ui
