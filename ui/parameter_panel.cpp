#include "parameter_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

#include "depth_levels_bar.h"
#include "labeled_slider.h"
#include "widget_description.h"

namespace depthstyle::ui {
namespace {

void selectData(QComboBox* combo, int value) {
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

}  // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent),
      beta_(new LabeledSlider(tr("β"), 0.0, 100.0, 0.5, 20.0, 1, this)),
      epsilon_(new LabeledSlider(tr("ε"), 0.0, 1.0, 0.01, 0.15, 2, this)),
      method_(new QComboBox(this)),
      alpha_(new LabeledSlider(tr("α"), 0.0, 1.0, 0.01, 0.0, 2, this)),
      matched_(new QCheckBox(tr("Matched strength"), this)),
      contentSize_(sizeCombo(tr("Content size"),
                             tr("Smaller side of the content in pixels while stylizing. The "
                                "paper used 1000; larger is slower."))),
      styleSize_(sizeCombo(tr("Style size"),
                           tr("Smaller side of the style image in pixels. The paper used 300; "
                              "smaller makes larger brush strokes."))),
      depthSource_(new QComboBox(this)),
      depthFile_(new QLabel(this)),
      chooseDepth_(new QPushButton(tr("Choose…"), this)),
      depthIsDistance_(new QCheckBox(tr("Brighter is farther"), this)),
      fastDecoding_(new QCheckBox(tr("Fast decoding (bfloat16)"), this)),
      preserveColor_(new QComboBox(this)),
      levels_(new DepthLevelsBar(this)) {
    preserveColor_->addItem(tr("Style's colours"), int(ColorPreservation::None));
    preserveColor_->addItem(tr("Match style to photo"), int(ColorPreservation::StyleToContent));
    preserveColor_->addItem(tr("Keep photo's colours (luminance)"),
                            int(ColorPreservation::Luminance));
    describeWidget(
        preserveColor_, tr("Colours"),
        tr("Keep the photo's colours: \"Match style to photo\" recolours the style image to "
           "the photo's colour mean and covariance before stylizing; \"Keep photo's "
           "colours\" keeps the result's brightness with the photo's colour (BT.601 "
           "Y'CbCr)."));
    beta_->describe(tr("Beta"),
                    tr("Prominence: how sharply stylization changes between near and far. 0 "
                       "stylizes everything alike; the paper recommends 20."));
    epsilon_->describe(tr("Epsilon"),
                       tr("Offset: the least stylization even the nearest things get. Higher "
                          "values stylize the foreground more; the paper recommends 0.15."));
    alpha_->describe(tr("Alpha"),
                     tr("Content weight of plain AdaIN: 0 is full style, 1 is the content "
                        "unchanged."));
    method_->addItem(tr("DA-AdaIN (depth-aware)"), int(Method::DaAdain));
    method_->addItem(tr("Plain AdaIN"), int(Method::Adain));
    describeWidget(method_, tr("Method"),
                   tr("DA-AdaIN stylizes far things more than near ones; plain AdaIN stylizes "
                      "everything alike with content weight alpha."));
    describeWidget(matched_, tr("Matched strength"),
                   tr("Give the plain AdaIN comparison the same average stylization as the "
                      "depth-aware result (alpha = mean of the strength map)."));
    depthSource_->addItem(tr("MiDaS (estimated)"), false);
    depthSource_->addItem(tr("Depth map file"), true);
    describeWidget(depthSource_, tr("Depth source"),
                   tr("Where the depth comes from: estimated by MiDaS from the content image, or a "
                      "grayscale depth map file of your own (brighter = closer)."));
    describeWidget(chooseDepth_, tr("Choose depth map"), tr("Choose a grayscale depth map file."));
    describeWidget(
        depthIsDistance_, tr("Brighter is farther"),
        tr("Tick when the depth map file is brighter for farther things (a distance map)."));
    setDecoderSpeed(std::nullopt);
    depthFile_->setAccessibleName(tr("Depth map file name"));
    depthFile_->setWordWrap(true);

    auto* strength = new QGroupBox(tr("Depth-aware &strength"), this);
    auto* strengthLayout = new QVBoxLayout(strength);
    strengthLayout->addWidget(beta_);
    strengthLayout->addWidget(epsilon_);
    auto* method = new QGroupBox(tr("Method"), this);
    auto* methodLayout = new QVBoxLayout(method);
    methodLayout->addWidget(method_);
    methodLayout->addWidget(alpha_);
    methodLayout->addWidget(matched_);
    auto* colourRow = new QFormLayout;
    colourRow->addRow(tr("C&olours:"), preserveColor_);
    methodLayout->addLayout(colourRow);
    auto* inputs = new QGroupBox(tr("Sizes and depth"), this);
    auto* form = new QFormLayout(inputs);
    form->addRow(tr("Content si&ze:"), contentSize_);
    form->addRow(tr("St&yle size:"), styleSize_);
    form->addRow(tr("Depth:"), depthSource_);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(depthFile_, 1);
    fileRow->addWidget(chooseDepth_);
    form->addRow(fileRow);
    form->addRow(depthIsDistance_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(strength);
    layout->addWidget(method);
    layout->addWidget(inputs);
    auto* speed = new QGroupBox(tr("Speed"), this);
    auto* speedLayout = new QVBoxLayout(speed);
    speedLayout->addWidget(fastDecoding_);
    layout->addWidget(speed);
    layout->addStretch(1);

    connect(beta_, &LabeledSlider::valueChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::Beta); });
    connect(epsilon_, &LabeledSlider::valueChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::Epsilon); });
    connect(alpha_, &LabeledSlider::valueChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::Alpha); });
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT parametersChanged(ParameterControl::Method);
    });
    connect(preserveColor_, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::PreserveColor); });
    connect(matched_, &QCheckBox::toggled, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::MatchedStrength); });
    connect(contentSize_, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::ContentSize); });
    connect(styleSize_, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::StyleSize); });
    connect(depthSource_, &QComboBox::currentIndexChanged, this, [this] {
        if (depthSource_->currentData().toBool() && depthPath_.isEmpty()) {
            const QSignalBlocker block(depthSource_);
            depthSource_->setCurrentIndex(0);
            Q_EMIT depthFileRequested();
            return;
        }
        updateEnabled();
        Q_EMIT parametersChanged(ParameterControl::DepthSource);
    });
    connect(chooseDepth_, &QPushButton::clicked, this, &ParameterPanel::depthFileRequested);
    connect(depthIsDistance_, &QCheckBox::toggled, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::DepthSource); });
    connect(fastDecoding_, &QCheckBox::toggled, this,
            [this] { Q_EMIT parametersChanged(ParameterControl::FastDecoding); });
    connect(levels_, &DepthLevelsBar::levelsChanged, this, [this](int which) {
        levelsEdited_ = true;
        const ParameterControl controls[] = {
            ParameterControl::LevelsBlack, ParameterControl::LevelsWhite,
            ParameterControl::LevelsGamma, ParameterControl::LevelsInvert};
        Q_EMIT parametersChanged(controls[std::clamp(which, 0, 3)]);
    });
    updateEnabled();
}

QComboBox* ParameterPanel::sizeCombo(const QString& name, const QString& description) {
    auto* combo = new QComboBox(this);
    for (int size : {256, 512, 1000}) {
        combo->addItem(tr("%1 px").arg(size), size);
    }
    combo->addItem(tr("Original"), 0);
    selectData(combo, 512);
    describeWidget(combo, name, description);
    return combo;
}

void ParameterPanel::updateEnabled() {
    const bool depthAware = method_->currentData().toInt() == int(Method::DaAdain);
    beta_->setEnabled(depthAware);
    epsilon_->setEnabled(depthAware);
    alpha_->setEnabled(!depthAware);
    levels_->setDepthAware(depthAware);
    const bool fromFile = depthSource_->currentData().toBool();
    depthFile_->setText(fromFile ? QFileInfo(depthPath_).fileName() : QString());
    depthIsDistance_->setEnabled(fromFile);
}

doc::Parameters ParameterPanel::parameters() const {
    doc::Parameters p = base_;
    p.method = static_cast<Method>(method_->currentData().toInt());
    p.beta = beta_->value();
    p.epsilon = epsilon_->value();
    p.alpha = alpha_->value();
    p.matchedStrength = matched_->isChecked();
    p.contentSize = contentSize_->currentData().toInt();
    p.styleSize = styleSize_->currentData().toInt();
    p.depthFromFile = depthSource_->currentData().toBool();
    p.depthPath = depthPath_;
    p.depthIsDistance = depthIsDistance_->isChecked();
    p.fastDecoding = fastDecoding_->isChecked();
    // The bar's two decimals only once the artist moves it: loaded levels
    // (0.123 from a sidecar) are kept as they are.
    p.depthLevels = levelsEdited_ ? levels_->levels() : base_.depthLevels;
    p.preserveColor = static_cast<ColorPreservation>(preserveColor_->currentData().toInt());
    return p;
}

void ParameterPanel::setDecoderSpeed(const std::optional<DecoderSpeed>& speed) {
    QString help =
        tr("Run the decoder in bfloat16: visually the same (above 40 dB PSNR against full "
           "precision in the benchmark); the encoders always run in full precision.");
    if (!speed) {
        help += QLatin1Char(' ') + tr("Whether it is faster depends on the processor: DepthStyle "
                                      "measures it the first time you turn it on.");
    } else if (speed->bfloat16Pays()) {
        help += QLatin1Char(' ') + tr("Measured on this processor (%1): %2x as fast as full "
                                      "precision.")
                                       .arg(QString::fromStdString(speed->processor),
                                            QString::number(speed->speedUp(), 'f', 2));
    } else {
        help += QLatin1Char(' ') + tr("Measured on this processor (%1): %2x the speed of full "
                                      "precision, so not faster here; not recommended.")
                                       .arg(QString::fromStdString(speed->processor),
                                            QString::number(speed->speedUp(), 'f', 2));
    }
    describeWidget(fastDecoding_, tr("Fast decoding"), help);
}

void ParameterPanel::setParameters(const doc::Parameters& p) {
    const QSignalBlocker b1(method_), b2(matched_), b3(contentSize_), b4(styleSize_),
        b5(depthSource_), b6(depthIsDistance_), b7(fastDecoding_), b8(preserveColor_);
    selectData(preserveColor_, int(p.preserveColor));
    beta_->setValue(p.beta);
    epsilon_->setValue(p.epsilon);
    alpha_->setValue(p.alpha);
    method_->setCurrentIndex(method_->findData(int(p.method)));
    matched_->setChecked(p.matchedStrength);
    selectData(contentSize_, p.contentSize);
    selectData(styleSize_, p.styleSize);
    depthPath_ = p.depthPath;
    depthSource_->setCurrentIndex(p.depthFromFile && !p.depthPath.isEmpty() ? 1 : 0);
    depthIsDistance_->setChecked(p.depthIsDistance);
    fastDecoding_->setChecked(p.fastDecoding);
    levels_->setLevels(p.depthLevels);
    levels_->setFocusShown(p.focus.has_value());
    base_ = p;
    levelsEdited_ = false;
    updateEnabled();
}

}  // namespace depthstyle::ui
