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
    applied_ = false;
}

void DocumentCommand::redo() {
    if (applied_) {
        return;  // pushed after the change was made
    }
    controller_.apply(after_);
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
            return QCoreApplication::translate("DocumentCommands", "Matched Strength");
        case ParameterControl::ContentSize:
            return QCoreApplication::translate("DocumentCommands", "Content Size");
        case ParameterControl::StyleSize:
            return QCoreApplication::translate("DocumentCommands", "Style Size");
        case ParameterControl::DepthSource:
            return QCoreApplication::translate("DocumentCommands", "Depth Source");
        case ParameterControl::FastDecoding:
            return QCoreApplication::translate("DocumentCommands", "Fast Decoding");
    }
    return {};
}

ChangeParametersCommand::ChangeParametersCommand(DocumentController& controller,
                                                 ParameterControl control, Document before,
                                                 Document after)
    : DocumentCommand(
          controller,
          QCoreApplication::translate("DocumentCommands", "Change %1").arg(controlName(control)),
          std::move(before), std::move(after)),
      control_(control) {}

int ChangeParametersCommand::id() const {
    switch (control_) {
        case ParameterControl::Beta:
        case ParameterControl::Epsilon:
        case ParameterControl::Alpha:
            return 1000 + static_cast<int>(control_);
        default:
            return -1;  // images and switches are steps of their own
    }
}

bool ChangeParametersCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const ChangeParametersCommand*>(other);
    if (next->control_ != control_) {
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

UseDepthMapCommand::UseDepthMapCommand(DocumentController& controller, const QString& fileName,
                                       Document before, Document after)
    : DocumentCommand(
          controller,
          QCoreApplication::translate("DocumentCommands", "Use Depth Map %1").arg(fileName),
          std::move(before), std::move(after)) {}

}  // namespace depthstyle::ui
