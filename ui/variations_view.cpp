#include "variations_view.h"

#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include "contact_sheet_writer.h"
#include "depthstyle/image_io.h"
#include "document_controller.h"
#include "local_path.h"
#include "notification_bar.h"
#include "recent_places.h"
#include "render_service.h"
#include "variations_cells.h"
#include "widget_description.h"

namespace depthstyle::ui {
namespace {

// The longest side of a cell's picture: a screen-sized proxy of the
// working-size render, also the cell's size on the contact sheet.
constexpr int kCellSide = 512;

QDoubleSpinBox* valueBox(double maximum, int decimals, double step, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, maximum);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);  // one change per typed number, not per digit
    return box;
}

QSpinBox* countBox(QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(1, kMaxAxisCount);
    box->setKeyboardTracking(false);
    return box;
}

}  // namespace

VariationsView::VariationsView(DocumentController& controller, RenderService& service,
                               NotificationBar& notification, QWidget* parent)
    : QDialog(parent),
      controller_(controller),
      service_(service),
      notification_(notification),
      writer_(new ContactSheetWriter(this)) {
    setWindowTitle(tr("Variations"));
    setObjectName("variations");
    buildControls();
    resize(900, 780);
    connect(&service_, &RenderService::variationReady, this, &VariationsView::onCell);
    connect(&controller_, &DocumentController::documentChanged, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    connect(cells_, &VariationCells::adopted, this,
            [this](const VariationValues& v) { controller_.adoptVariation(v.beta, v.epsilon); });
    connect(writer_, &ContactSheetWriter::finished, this,
            [this](const QString& path, const QString& error) {
                const QString text =
                    error.isEmpty() ? tr("Wrote the contact sheet to %1").arg(path) : error;
                say(text);
                if (error.isEmpty()) {
                    notification_.showInfo(text);
                } else {
                    notification_.showError(text);
                }
            });
    // Undo and redo work here as in the window (one step per adopted cell).
    QUndoStack* undo = controller_.undoStack();
    QAction* undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    addAction(undoAction);
    addAction(redoAction);
}

VariationsView::~VariationsView() = default;

void VariationsView::buildControls() {
    betaFrom_ = valueBox(kBetaMax, 1, 0.5, this);
    betaTo_ = valueBox(kBetaMax, 1, 0.5, this);
    betaCount_ = countBox(this);
    epsilonFrom_ = valueBox(kEpsilonMax, 2, 0.01, this);
    epsilonTo_ = valueBox(kEpsilonMax, 2, 0.01, this);
    epsilonCount_ = countBox(this);
    describeWidget(betaFrom_, tr("Smallest beta"),
                   tr("The beta of the first column. Beta is the sigmoid's steepness in the "
                      "strength map: larger values separate near and far more sharply."));
    describeWidget(betaTo_, tr("Largest beta"), tr("The beta of the last column."));
    describeWidget(betaCount_, tr("Beta columns"),
                   tr("How many betas, in equal ratios from the smallest to the largest (in "
                      "equal steps when the smallest is 0)."));
    describeWidget(epsilonFrom_, tr("Smallest epsilon"),
                   tr("The epsilon of the first row. The strength map is capped at 1 - epsilon: "
                      "larger values stylize the nearest things more."));
    describeWidget(epsilonTo_, tr("Largest epsilon"), tr("The epsilon of the last row."));
    describeWidget(epsilonCount_, tr("Epsilon rows"),
                   tr("How many epsilons, in equal steps from the smallest to the largest."));
    auto* ranges = new QGroupBox(tr("Ranges"), this);
    auto* form = new QFormLayout(ranges);
    const auto axisRow = [this](QWidget* from, QWidget* to, QWidget* count) {
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("from"), this));
        row->addWidget(from);
        row->addWidget(new QLabel(tr("to"), this));
        row->addWidget(to);
        row->addWidget(new QLabel(tr("in"), this));
        row->addWidget(count);
        row->addStretch(1);
        return row;
    };
    auto* betaLabel = new QLabel(tr("&β (columns)"), this);
    betaLabel->setBuddy(betaFrom_);
    auto* epsilonLabel = new QLabel(tr("ε (ro&ws)"), this);
    epsilonLabel->setBuddy(epsilonFrom_);
    form->addRow(betaLabel, axisRow(betaFrom_, betaTo_, betaCount_));
    form->addRow(epsilonLabel, axisRow(epsilonFrom_, epsilonTo_, epsilonCount_));

    centre_ = new QPushButton(tr("&Centre on Current Values"), this);
    describeWidget(centre_, tr("Centre on current values"),
                   tr("Back to the default grid around the current beta and epsilon: half, "
                      "the same and twice beta; epsilon 0.1 below, the same and 0.1 above."));
    export_ = new QPushButton(tr("&Export Contact Sheet…"), this);
    describeWidget(export_, tr("Export contact sheet"),
                   tr("Write every cell into one PNG or JPEG, with its beta and epsilon printed "
                      "under it."));
    status_ = new QLabel(this);
    describeWidget(status_, tr("Variations progress"), tr("How many cells are rendered."));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    describeWidget(message_, tr("Variations message"),
                   tr("Why there are no variations, or how the contact sheet export went."));
    cells_ = new VariationCells(this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(status_, 1);
    buttons->addWidget(centre_);
    buttons->addWidget(export_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(ranges);
    layout->addWidget(message_);
    layout->addWidget(cells_, 1);
    layout->addLayout(buttons);
    say(QString());

    for (QDoubleSpinBox* box : {betaFrom_, betaTo_, epsilonFrom_, epsilonTo_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &VariationsView::rangeEdited);
    }
    for (QSpinBox* box : {betaCount_, epsilonCount_}) {
        connect(box, &QSpinBox::valueChanged, this, &VariationsView::rangeEdited);
    }
    connect(centre_, &QPushButton::clicked, this, &VariationsView::centreOnCurrentValues);
    connect(export_, &QPushButton::clicked, this, &VariationsView::chooseAndExportContactSheet);
}

void VariationsView::showGridValues() {
    const std::pair<QDoubleSpinBox*, double> values[] = {{betaFrom_, grid_.beta.from},
                                                         {betaTo_, grid_.beta.to},
                                                         {epsilonFrom_, grid_.epsilon.from},
                                                         {epsilonTo_, grid_.epsilon.to}};
    for (const auto& [box, value] : values) {
        const QSignalBlocker block(box);
        box->setValue(value);
    }
    for (const auto& [box, count] :
         {std::pair{betaCount_, grid_.beta.count}, std::pair{epsilonCount_, grid_.epsilon.count}}) {
        const QSignalBlocker block(box);
        box->setValue(count);
    }
}

void VariationsView::setGrid(const VariationGrid& grid) {
    const VariationGrid clamped{clampedAxis(grid.beta, kBetaMax),
                                clampedAxis(grid.epsilon, kEpsilonMax)};
    if (clamped != grid_) {
        dropPendingSheet(tr("the grid changed before every cell was rendered"));
    }
    grid_ = clamped;
    gridChosen_ = true;
    showGridValues();
    refresh();
}

void VariationsView::centreOnCurrentValues() {
    const doc::Parameters& p = controller_.document().parameters;
    setGrid(defaultVariationGrid(p.beta, p.epsilon));
}

void VariationsView::rangeEdited() {
    setGrid({{betaFrom_->value(), betaTo_->value(), betaCount_->value()},
             {epsilonFrom_->value(), epsilonTo_->value(), epsilonCount_->value()}});
}

void VariationsView::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (!gridChosen_) {
        centreOnCurrentValues();  // the first time: around the current values
    } else {
        refresh();
    }
}

void VariationsView::hideEvent(QHideEvent* event) {
    QDialog::hideEvent(event);
    service_.cancelVariations();
    dropPendingSheet(tr("the Variations view was closed before every cell was rendered"));
}

std::vector<VariationValues> VariationsView::gridValues() const {
    std::vector<VariationValues> values;
    for (double epsilon : grid_.epsilons()) {
        for (double beta : grid_.betas()) {
            values.push_back({beta, epsilon});
        }
    }
    return values;
}

std::optional<QString> VariationsView::unavailableReason() const {
    const doc::Document& d = controller_.document();
    if (d.parameters.method != Method::DaAdain) {
        return tr(
            "Variations vary beta and epsilon of the strength map, which only DA-AdaIN "
            "has. Choose DA-AdaIN under Method to see them.");
    }
    if (!d.complete()) {
        return tr("Open a photo and a style to see variations.");
    }
    return std::nullopt;
}

void VariationsView::refresh() {
    const doc::Document& d = controller_.document();
    const std::optional<QString> reason = unavailableReason();
    for (QWidget* w : std::initializer_list<QWidget*>{cells_, export_}) {
        w->setEnabled(!reason);
    }
    if (reason) {
        service_.cancelVariations();
        ++stateId_;  // cells in flight are stale
        state_.reset();
        rendered_.clear();
        failed_.clear();
        dropPendingSheet(*reason);
        say(*reason);
        sayingReason_ = true;
        cells_->setGrid({}, {});
        shownGrid_.reset();
        updateStatus();
        return;
    }
    if (sayingReason_) {
        say(QString());
        sayingReason_ = false;
    }
    // Another state: every cell again (none of the old ones is shown).
    const doc::Document state = variationDocument(d, {});
    if (!state_ || !state_->samePicture(state)) {
        ++stateId_;
        state_ = state;
        rendered_.clear();
        failed_.clear();
        shownGrid_.reset();
        dropPendingSheet(tr("the settings changed before every cell was rendered"));
    }
    const std::vector<VariationValues> values = gridValues();
    if (shownGrid_ != grid_) {
        cells_->setGrid(grid_.betas(), grid_.epsilons());
        shownGrid_ = grid_;
    }
    VariationsRequest request;
    request.id = stateId_;
    request.document = d;
    request.cellSide = kCellSide;
    for (int i = 0; i < int(values.size()); ++i) {
        const Key key{values[size_t(i)].beta, values[size_t(i)].epsilon};
        if (const auto found = rendered_.find(key); found != rendered_.end()) {
            cells_->setPicture(i, found->second);
        } else if (const auto error = failed_.find(key); error != failed_.end()) {
            cells_->setFailed(i, error->second);
        } else {
            cells_->setPicture(i, QImage());
            request.cells.push_back(values[size_t(i)]);
        }
    }
    cells_->setCurrent({d.parameters.beta, d.parameters.epsilon});
    service_.requestVariations(request);  // no cells: drops those still waiting
    updateStatus();
}

void VariationsView::onCell(const VariationCell& cell) {
    if (cell.id != stateId_ || !state_) {
        return;  // rendered for an older document state
    }
    const Key key{cell.values.beta, cell.values.epsilon};
    if (cell.error.isEmpty()) {
        rendered_[key] = cell.picture;
    } else {
        failed_[key] = cell.error;
    }
    const std::vector<VariationValues> values = gridValues();
    for (int i = 0; i < int(values.size()); ++i) {
        if (values[size_t(i)] == cell.values) {
            if (cell.error.isEmpty()) {
                cells_->setPicture(i, cell.picture);
            } else {
                cells_->setFailed(i, cell.error);
            }
            Q_EMIT cellShown(i);
        }
    }
    updateStatus();
    if (pendingSheet_ && !failed_.empty()) {
        dropPendingSheet(tr("a cell could not be rendered: %1").arg(failed_.begin()->second));
    } else if (pendingSheet_ && complete()) {
        const QString path = *pendingSheet_;
        pendingSheet_.reset();
        writeSheet(path);
    }
}

int VariationsView::renderedCount() const {
    int count = 0;
    for (const VariationValues& v : gridValues()) {
        count += rendered_.count({v.beta, v.epsilon}) > 0 ? 1 : 0;
    }
    return count;
}

bool VariationsView::complete() const {
    return state_ && renderedCount() == static_cast<int>(gridValues().size());
}

QImage VariationsView::picture(int index) const {
    const std::vector<VariationValues> values = gridValues();
    if (index < 0 || index >= int(values.size())) {
        return {};
    }
    const auto found = rendered_.find({values[size_t(index)].beta, values[size_t(index)].epsilon});
    return found == rendered_.end() ? QImage() : found->second;
}

void VariationsView::updateStatus() {
    const int total = state_ ? static_cast<int>(gridValues().size()) : 0;
    const int done = renderedCount();
    status_->setText(total == 0      ? QString()
                     : done == total ? tr("All %n cell(s) rendered.", "", total)
                                     : tr("Rendered %1 of %n cell(s)…", "", total).arg(done));
}

QString VariationsView::message() const {
    return message_->text();
}

void VariationsView::say(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void VariationsView::dropPendingSheet(const QString& why) {
    if (!pendingSheet_) {
        return;
    }
    const QString text = tr("The contact sheet %1 was not written: %2.").arg(*pendingSheet_, why);
    pendingSheet_.reset();
    say(text);
    notification_.showError(text);
}

bool VariationsView::exportContactSheet(const QString& path) {
    if (const std::optional<QString> reason = unavailableReason()) {
        say(*reason);
        return false;
    }
    if (!isVisible()) {
        say(tr("Open View > Variations to export its contact sheet."));
        return false;
    }
    if (!isWritableImageExtension(doc::localPath(path))) {
        say(tr("'%1': the contact sheet is written as PNG (.png) or JPEG (.jpg, .jpeg); choose "
               "one of these names.")
                .arg(path));
        return false;
    }
    if (!failed_.empty()) {
        say(tr("The contact sheet %1 was not written: a cell could not be rendered: %2.")
                .arg(path, failed_.begin()->second));
        return false;
    }
    if (!complete()) {
        pendingSheet_ = path;
        say(tr("The contact sheet is written to %1 when the last cells are rendered.").arg(path));
        return true;
    }
    writeSheet(path);
    return true;
}

void VariationsView::writeSheet(const QString& path) {
    std::vector<SheetCell> sheet;
    for (const VariationValues& v : gridValues()) {
        sheet.push_back({rendered_.at({v.beta, v.epsilon}), VariationCells::label(v)});
    }
    say(tr("Writing the contact sheet to %1…").arg(path));
    writer_->write(path, std::move(sheet), grid_.columns(), font());
}

bool VariationsView::waitForContactSheet(int timeoutMs) {
    return writer_->waitForIdle(timeoutMs);
}

void VariationsView::chooseAndExportContactSheet() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Contact Sheet"),
                                                      lastFolder("export") + "/variations.png",
                                                      tr("PNG (*.png);;JPEG (*.jpg *.jpeg)"));
    if (path.isEmpty()) {
        return;
    }
    rememberFolder("export", path);
    exportContactSheet(path);
}

}  // namespace depthstyle::ui
