#pragma once

#include <QObject>

class QWidget;

namespace depthstyle::ui {

// Lets the window's own shortcuts win over a number box's text editing: with
// a beta or weight box focused, Ctrl+E still exports and Ctrl+Z still undoes
// the document (a line edit would take them as end of line and text undo).
// Copy, cut, paste and select all stay the box's. Installed on the
// application; acts only on spin boxes inside `window`.
class WindowShortcuts : public QObject {
    Q_OBJECT
public:
    explicit WindowShortcuts(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* window_;
};

}  // namespace depthstyle::ui
