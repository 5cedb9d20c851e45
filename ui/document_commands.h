#pragma once

#include <QUndoCommand>

#include "document.h"

namespace depthstyle::ui {

class DocumentController;
using doc::Document;

// The undoable edits of the document, one type per kind of edit. Each holds
// the document before and after; the controller applies either. A command
// is already applied when pushed.
class DocumentCommand : public QUndoCommand {
public:
    DocumentCommand(DocumentController& controller, const QString& text, Document before,
                    Document after);
    void undo() override;
    void redo() override;
    const Document& before() const { return before_; }
    const Document& after() const { return after_; }

protected:
    Document after_;

private:
    DocumentController& controller_;
    Document before_;
    bool applied_ = true;
};

// Content, the (first) style, or a style added to the list.
enum class ImageRole { Content, Style, AddedStyle };

// A content or style image opened, dropped or pasted.
class SetImageCommand : public DocumentCommand {
public:
    SetImageCommand(DocumentController& controller, ImageRole role, Document before,
                    Document after);
};

// Which control changed a parameter; a drag of one slider is one step.
enum class ParameterControl {
    Beta,
    Epsilon,
    Alpha,
    Method,
    MatchedStrength,
    ContentSize,
    StyleSize,
    DepthSource,
    FastDecoding,
    LevelsBlack,
    LevelsWhite,
    LevelsGamma,
    LevelsInvert,
    Focus,
    PreserveColor,
    StyleWeights,
    StyleMixKind,
};
QString controlName(ParameterControl control);
// An undo step's words: "Beta 20 → 25", "Content size 512 px → original".
QString describeChange(ParameterControl control, const doc::Parameters& before,
                       const doc::Parameters& after);

// A change of parameters from the panel. Consecutive changes of one slider
// (beta, epsilon, alpha) merge into one step.
class ChangeParametersCommand : public DocumentCommand {
public:
    // Changes with the same `step` (EditSteps) merge into one.
    ChangeParametersCommand(DocumentController& controller, ParameterControl control, int step,
                            Document before, Document after);
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;
    ParameterControl control() const { return control_; }

private:
    ParameterControl control_;
    int step_;
    doc::Parameters first_;  // before the first of the merged steps
};

enum class PaintTarget { StrengthOverride, DepthEdit };

// One brush stroke on a painted layer: the changes of one stroke (one
// press, drag and release) merge into one step.
class PaintStrokeCommand : public DocumentCommand {
public:
    PaintStrokeCommand(DocumentController& controller, PaintTarget target, int stroke, bool erase,
                       Document before, Document after);
    int id() const override { return 2000; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    int stroke_;
};

// A style added to or removed from the list, or a whole set opened (the
// text says which).
class StyleListCommand : public DocumentCommand {
public:
    StyleListCommand(DocumentController& controller, const QString& text, Document before,
                     Document after)
        : DocumentCommand(controller, text, std::move(before), std::move(after)) {}
};

// Every parameter replaced at once from a sidecar (File > Load Parameters).
class LoadParametersCommand : public DocumentCommand {
public:
    LoadParametersCommand(DocumentController& controller, const QString& fileName, Document before,
                          Document after);
};

// A built-in preset's strength settings applied (Edit > Presets).
class ApplyPresetCommand : public DocumentCommand {
public:
    ApplyPresetCommand(DocumentController& controller, const QString& presetName, Document before,
                       Document after);
};

// A Variations cell adopted: its beta and epsilon at once.
class AdoptVariationCommand : public DocumentCommand {
public:
    AdoptVariationCommand(DocumentController& controller, Document before, Document after);
};

// A depth map file chosen instead of MiDaS.
class UseDepthMapCommand : public DocumentCommand {
public:
    UseDepthMapCommand(DocumentController& controller, const QString& fileName, Document before,
                       Document after);
};

}  // namespace depthstyle::ui
