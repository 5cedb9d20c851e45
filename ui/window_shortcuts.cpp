#include "window_shortcuts.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QKeySequence>

namespace depthstyle::ui {
namespace {

bool isTextEditing(const QKeyEvent& key) {
    for (const auto standard :
         {QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::SelectAll}) {
        if (key.matches(standard)) {
            return true;
        }
    }
    return false;
}

bool windowHasShortcut(const QWidget& window, const QKeySequence& pressed) {
    const auto actions = window.findChildren<QAction*>();
    for (const QAction* action : actions) {
        if (action->isEnabled() && action->shortcuts().contains(pressed)) {
            return true;
        }
    }
    return false;
}

}  // namespace

WindowShortcuts::WindowShortcuts(QWidget* window) : QObject(window), window_(window) {
    qApp->installEventFilter(this);
}

bool WindowShortcuts::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride) {
        return false;
    }
    const auto* box = qobject_cast<QAbstractSpinBox*>(watched);
    if (box == nullptr || box->window() != window_) {
        return false;
    }
    auto* key = static_cast<QKeyEvent*>(event);
    if (!(key->modifiers() & Qt::ControlModifier) || isTextEditing(*key)) {
        return false;
    }
    if (!windowHasShortcut(*window_, QKeySequence(key->keyCombination()))) {
        return false;
    }
    key->ignore();  // not overridden: the window's shortcut runs
    return true;
}

}  // namespace depthstyle::ui
