#pragma once

#include <QUndoCommand>
#include <functional>

#include "document_state.h"

namespace depthstyle::ui {

// One undoable change of the document. Consecutive changes of the same
// control (a slider drag) merge into one step.
class StateCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const DocumentState&)>;

    StateCommand(const QString& text, const QString& control, DocumentState before,
                 DocumentState after, Apply apply);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    QString control_;
    DocumentState before_;
    DocumentState after_;
    Apply apply_;
    bool first_ = true;  // the change is already applied when pushed
};

}  // namespace depthstyle::ui
