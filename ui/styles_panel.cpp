#include "styles_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "widget_description.h"

namespace depthstyle::ui {

StylesPanel::StylesPanel(QWidget* parent)
    : QGroupBox(tr("Styl&es"), parent),
      mix_(new QComboBox(this)),
      add_(new QPushButton(tr("Add Style…"), this)),
      rows_(new QVBoxLayout) {
    mix_->addItem(tr("Mix by weight"), int(StyleMix::Kind::Weights));
    mix_->addItem(tr("Near and far by depth"), int(StyleMix::Kind::NearFar));
    describeWidget(mix_, tr("Style mix"),
                   tr("Mix by weight: the styles are blended in feature space, each by its "
                      "weight. Near and far by depth: the first style paints near things, "
                      "the second far ones, blended by the depth (two styles)."));
    describeWidget(add_, tr("Add style"), tr("Add another style image to mix with the others."));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(rows_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(mix_, 1);
    bottom->addWidget(add_);
    layout->addLayout(bottom);
    connect(add_, &QPushButton::clicked, this, &StylesPanel::addRequested);
    connect(mix_, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT mixKindChanged(static_cast<StyleMix::Kind>(mix_->currentData().toInt()));
    });
    rebuild(doc::Document());
}

QDoubleSpinBox* StylesPanel::weightBox(size_t index) const {
    return index < weightBoxes_.size() ? weightBoxes_[index] : nullptr;
}

QPushButton* StylesPanel::removeButton(size_t index) const {
    return index < removeButtons_.size() ? removeButtons_[index] : nullptr;
}

std::vector<double> StylesPanel::weights() const {
    std::vector<double> out;
    for (const QDoubleSpinBox* box : weightBoxes_) {
        out.push_back(box->value());
    }
    return out;
}

void StylesPanel::setDocument(const doc::Document& d) {
    rebuild(d);
}

void StylesPanel::rebuild(const doc::Document& d) {
    const StyleMix& mix = d.parameters.styleMix;
    const bool nearFar = mix.kind == StyleMix::Kind::NearFar;
    const size_t count = d.style.empty() ? 0 : d.styleCount();
    QStringList labels;
    for (size_t i = 0; i < count; ++i) {
        labels << d.styleAt(i).label;
    }
    // The same rows keep their boxes (this may run inside a weight box's
    // own signal); only other styles or another mix make new rows.
    if (labels != shownLabels_ || nearFar != shownNearFar_) {
        rebuildRows(labels, nearFar);
    }
    for (size_t i = 0; i < count; ++i) {
        const QSignalBlocker block(weightBoxes_[i]);
        // No weights: the first style alone.
        weightBoxes_[i]->setValue(mix.weights.empty() ? (i == 0 ? 1.0 : 0.0) : mix.weights.at(i));
    }
    shownLabels_ = labels;
    shownNearFar_ = nearFar;
    const QSignalBlocker block(mix_);
    mix_->setCurrentIndex(mix_->findData(int(mix.kind)));
    // Near and far take exactly two styles.
    mix_->setEnabled(count == 2 || nearFar);
    add_->setEnabled(!d.style.empty() && !nearFar);
}

void StylesPanel::rebuildRows(const QStringList& labels, bool nearFar) {
    for (QWidget* row : rowWidgets_) {
        row->hide();
        row->deleteLater();  // a row's button may be the sender of this change
    }
    rowWidgets_.clear();
    weightBoxes_.clear();
    removeButtons_.clear();
    const size_t count = size_t(labels.size());
    for (size_t i = 0; i < count; ++i) {
        auto* row = new QWidget(this);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString name = labels[qsizetype(i)];
        auto* label = new QLabel(name, row);
        label->setToolTip(name);
        label->setMinimumWidth(40);
        layout->addWidget(label, 1);
        auto* weight = new QDoubleSpinBox(row);
        weight->setRange(0.0, 100.0);
        weight->setSingleStep(0.1);
        weight->setDecimals(2);
        describeWidget(weight, tr("Weight of style %1").arg(name),
                       tr("How much of this style the mix takes (weights are divided by "
                          "their sum)."));
        weight->setVisible(!nearFar && count > 1);
        layout->addWidget(weight);
        if (nearFar) {
            layout->addWidget(new QLabel(i == 0 ? tr("near") : tr("far"), row));
        }
        auto* remove = new QPushButton(tr("Remove"), row);
        remove->setAccessibleName(tr("Remove style %1").arg(name));
        remove->setEnabled(count > 1);
        layout->addWidget(remove);
        connect(weight, &QDoubleSpinBox::valueChanged, this,
                [this] { Q_EMIT weightsChanged(weights()); });
        connect(remove, &QPushButton::clicked, this, [this, i] { Q_EMIT removeRequested(i); });
        rows_->addWidget(row);
        rowWidgets_.push_back(row);
        weightBoxes_.push_back(weight);
        removeButtons_.push_back(remove);
    }
}

}  // namespace depthstyle::ui
