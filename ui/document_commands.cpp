#include "document_commands.h"

#include <QCoreApplication>

#include "document_controller.h"

namespace depthstyle::ui {

DocumentCommand::DocumentCommand(DocumentController& controller, const QString& text,
                                 Document before, Document after)
    : QUndoCommand(text),
      after_(std::move(after)),
      controller_(controller),
      before_(std::move(before)) {}

void DocumentCommand::undo() {
    controller_.apply(before_);
    controller_.closeEditStep();
    applied_ = false;
}

void DocumentCommand::redo() {
    if (applied_) {
        return;  // pushed after the change was made
    }
    controller_.apply(after_);
    controller_.closeEditStep();
    applied_ = true;
}

SetImageCommand::SetImageCommand(DocumentController& controller, ImageRole role, Document before,
                                 Document after)
    : DocumentCommand(controller, QString(), std::move(before), std::move(after)) {
    // The text after construction: `after` is moved from above.
    setText(role == ImageRole::Content
                ? QCoreApplication::translate("DocumentCommands", "Open Content %1")
                      .arg(after_.content.label)
                : QCoreApplication::translate("DocumentCommands", "Open Style %1")
                      .arg(after_.style.label));
}

QString controlName(ParameterControl control) {
    switch (control) {
        case ParameterControl::Beta:
            return QCoreApplication::translate("DocumentCommands", "Beta");
        case ParameterControl::Epsilon:
            return QCoreApplication::translate("DocumentCommands", "Epsilon");
        case ParameterControl::Alpha:
            return QCoreApplication::translate("DocumentCommands", "Alpha");
        case ParameterControl::Method:
            return QCoreApplication::translate("DocumentCommands", "Method");
        case ParameterControl::MatchedStrength:
            return QCoreApplication::translate("DocumentCommands", "Matched strength");
        case ParameterControl::ContentSize:
            return QCoreApplication::translate("DocumentCommands", "Content size");
        case ParameterControl::StyleSize:
            return QCoreApplication::translate("DocumentCommands", "Style size");
        case ParameterControl::DepthSource:
            return QCoreApplication::translate("DocumentCommands", "Depth source");
        case ParameterControl::FastDecoding:
            return QCoreApplication::translate("DocumentCommands", "Fast decoding");
        case ParameterControl::LevelsBlack:
            return QCoreApplication::translate("DocumentCommands", "Depth black point");
        case ParameterControl::LevelsWhite:
            return QCoreApplication::translate("DocumentCommands", "Depth white point");
        case ParameterControl::LevelsGamma:
            return QCoreApplication::translate("DocumentCommands", "Depth gamma");
        case ParameterControl::LevelsInvert:
            return QCoreApplication::translate("DocumentCommands", "Invert depth");
        case ParameterControl::Focus:
            return QCoreApplication::translate("DocumentCommands", "Focus");
        case ParameterControl::PreserveColor:
            return QCoreApplication::translate("DocumentCommands", "Colours");
        case ParameterControl::StyleWeights:
            return QCoreApplication::translate("DocumentCommands", "Style weights");
        case ParameterControl::StyleMixKind:
            return QCoreApplication::translate("DocumentCommands", "Style mix");
    }
    return {};
}

namespace {

QString sizeName(int size) {
    return size == 0 ? QCoreApplication::translate("DocumentCommands", "original")
                     : QCoreApplication::translate("DocumentCommands", "%1 px").arg(size);
}

QString onOff(bool on) {
    return on ? QCoreApplication::translate("DocumentCommands", "on")
              : QCoreApplication::translate("DocumentCommands", "off");
}

QString methodName(Method method) {
    return method == Method::Adain ? QCoreApplication::translate("DocumentCommands", "plain AdaIN")
                                   : QCoreApplication::translate("DocumentCommands", "DA-AdaIN");
}

QString colourName(ColorPreservation mode) {
    switch (mode) {
        case ColorPreservation::StyleToContent:
            return QCoreApplication::translate("DocumentCommands", "style matched to photo");
        case ColorPreservation::Luminance:
            return QCoreApplication::translate("DocumentCommands", "photo's colours");
        case ColorPreservation::None:
            break;
    }
    return QCoreApplication::translate("DocumentCommands", "style's colours");
}

QString mixName(const StyleMix& mix) {
    return mix.kind == StyleMix::Kind::NearFar
               ? QCoreApplication::translate("DocumentCommands", "near and far")
               : QCoreApplication::translate("DocumentCommands", "by weight");
}

QString depthName(const doc::Parameters& p) {
    return p.depthFromFile ? QCoreApplication::translate("DocumentCommands", "file")
                           : QCoreApplication::translate("DocumentCommands", "MiDaS");
}

}  // namespace

QString describeChange(ParameterControl control, const doc::Parameters& a,
                       const doc::Parameters& b) {
    const QString step = QStringLiteral("%1 %2 → %3");
    const QString name = controlName(control);
    switch (control) {
        case ParameterControl::Beta:
            return step.arg(name).arg(a.beta).arg(b.beta);
        case ParameterControl::Epsilon:
            return step.arg(name).arg(a.epsilon).arg(b.epsilon);
        case ParameterControl::Alpha:
            return step.arg(name).arg(a.alpha).arg(b.alpha);
        case ParameterControl::Method:
            return step.arg(name, methodName(a.method), methodName(b.method));
        case ParameterControl::ContentSize:
            return step.arg(name, sizeName(a.contentSize), sizeName(b.contentSize));
        case ParameterControl::StyleSize:
            return step.arg(name, sizeName(a.styleSize), sizeName(b.styleSize));
        case ParameterControl::DepthSource:
            if (a.depthFromFile == b.depthFromFile) {
                return QStringLiteral("%1 %2").arg(
                    QCoreApplication::translate("DocumentCommands", "Brighter is farther"),
                    onOff(b.depthIsDistance));
            }
            return step.arg(name, depthName(a), depthName(b));
        case ParameterControl::MatchedStrength:
            return QStringLiteral("%1 %2").arg(name, onOff(b.matchedStrength));
        case ParameterControl::FastDecoding:
            return QStringLiteral("%1 %2").arg(name, onOff(b.fastDecoding));
        case ParameterControl::LevelsBlack:
            return step.arg(name).arg(a.depthLevels.black).arg(b.depthLevels.black);
        case ParameterControl::LevelsWhite:
            return step.arg(name).arg(a.depthLevels.white).arg(b.depthLevels.white);
        case ParameterControl::LevelsGamma:
            return step.arg(name).arg(a.depthLevels.gamma).arg(b.depthLevels.gamma);
        case ParameterControl::LevelsInvert:
            return QStringLiteral("%1 %2").arg(name, onOff(b.depthLevels.invert));
        case ParameterControl::PreserveColor:
            return step.arg(name, colourName(a.preserveColor), colourName(b.preserveColor));
        case ParameterControl::StyleWeights:
            return name;
        case ParameterControl::StyleMixKind:
            return step.arg(name, mixName(a.styleMix), mixName(b.styleMix));
        case ParameterControl::Focus:
            return b.focus ? QCoreApplication::translate("DocumentCommands", "Set Focus")
                           : QCoreApplication::translate("DocumentCommands", "Clear Focus");
    }
    return name;
}

ChangeParametersCommand::ChangeParametersCommand(DocumentController& controller,
                                                 ParameterControl control, int step,
                                                 Document before, Document after)
    : DocumentCommand(controller, describeChange(control, before.parameters, after.parameters),
                      before, std::move(after)),
      control_(control),
      step_(step),
      first_(before.parameters) {}

int ChangeParametersCommand::id() const {
    switch (control_) {
        case ParameterControl::Beta:
        case ParameterControl::Epsilon:
        case ParameterControl::Alpha:
        case ParameterControl::LevelsBlack:
        case ParameterControl::LevelsWhite:
        case ParameterControl::LevelsGamma:
        case ParameterControl::StyleWeights:
            return 1000 + static_cast<int>(control_);
        default:
            return -1;  // images and switches are steps of their own
    }
}

bool ChangeParametersCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const ChangeParametersCommand*>(other);
    if (next->control_ != control_ || next->step_ != step_) {
        return false;
    }
    after_ = next->after();
    setText(describeChange(control_, first_, after_.parameters));
    return true;
}

PaintStrokeCommand::PaintStrokeCommand(DocumentController& controller, PaintTarget target,
                                       int stroke, bool erase, Document before, Document after)
    : DocumentCommand(
          controller,
          target == PaintTarget::StrengthOverride
              ? (erase ? QCoreApplication::translate("DocumentCommands", "Erase Strength Paint")
                       : QCoreApplication::translate("DocumentCommands", "Paint Strength"))
              : (erase ? QCoreApplication::translate("DocumentCommands", "Erase Depth Paint")
                       : QCoreApplication::translate("DocumentCommands", "Paint Depth")),
          std::move(before), std::move(after)),
      stroke_(stroke) {}

bool PaintStrokeCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const PaintStrokeCommand*>(other);
    if (next->stroke_ != stroke_) {
        return false;
    }
    after_ = next->after();
    return true;
}

LoadParametersCommand::LoadParametersCommand(DocumentController& controller,
                                             const QString& fileName, Document before,
                                             Document after)
    : DocumentCommand(
          controller,
          QCoreApplication::translate("DocumentCommands", "Load Parameters from %1").arg(fileName),
          std::move(before), std::move(after)) {}

ApplyPresetCommand::ApplyPresetCommand(DocumentController& controller, const QString& presetName,
                                       Document before, Document after)
    : DocumentCommand(
          controller,
          QCoreApplication::translate("DocumentCommands", "Apply Preset %1").arg(presetName),
          std::move(before), std::move(after)) {}

AdoptVariationCommand::AdoptVariationCommand(DocumentController& controller, Document before,
                                             Document after)
    : DocumentCommand(controller, QString(), std::move(before), std::move(after)) {
    // The text after construction: `after` is moved from above.
    setText(QCoreApplication::translate("DocumentCommands", "Use Variation β = %1, ε = %2")
                .arg(after_.parameters.beta)
                .arg(after_.parameters.epsilon));
}

UseDepthMapCommand::UseDepthMapCommand(DocumentController& controller, const QString& fileName,
                                       Document before, Document after)
    : DocumentCommand(
          controller,
          QCoreApplication::translate("DocumentCommands", "Use Depth Map %1").arg(fileName),
          std::move(before), std::move(after)) {}

}  // namespace depthstyle::ui
