#include "state_command.h"

namespace depthstyle::ui {

StateCommand::StateCommand(const QString& text, const QString& control, DocumentState before,
                           DocumentState after, Apply apply)
    : QUndoCommand(text),
      control_(control),
      before_(std::move(before)),
      after_(std::move(after)),
      apply_(std::move(apply)) {}

void StateCommand::undo() {
    apply_(before_);
}

void StateCommand::redo() {
    if (first_) {
        first_ = false;
        return;
    }
    apply_(after_);
}

int StateCommand::id() const {
    // Only slider-like controls merge; images and switches are steps of their own.
    static const QStringList mergeable{"beta", "epsilon", "alpha"};
    return mergeable.contains(control_) ? 1000 + mergeable.indexOf(control_) : -1;
}

bool StateCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const StateCommand*>(other);
    if (next->control_ != control_) {
        return false;
    }
    after_ = next->after_;
    return true;
}

}  // namespace depthstyle::ui
