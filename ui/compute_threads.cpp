#include "compute_threads.h"

#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

#include "depthstyle/threads.h"
#include "notification_bar.h"

namespace depthstyle::ui {

int savedComputeThreads() {
    const int saved = QSettings().value("compute/threads", 0).toInt();
    return saved > 0 && saved <= availableCores() ? saved : 0;
}

void addComputeThreadsMenu(QMenu* view, NotificationBar* notification) {
    QMenu* menu = view->addMenu(QMainWindow::tr("Compute &Threads"));
    auto* group = new QActionGroup(menu);
    const int current = savedComputeThreads();
    for (int n = 0; n <= availableCores(); ++n) {
        const QString text =
            n == 0 ? QMainWindow::tr("Every Core (%1)").arg(availableCores()) : QString::number(n);
        QAction* action = menu->addAction(text, menu, [notification, n] {
            QSettings().setValue("compute/threads", n);
            notification->showInfo(
                QMainWindow::tr("The compute threads change when DepthStyle starts again."));
        });
        action->setCheckable(true);
        action->setChecked(n == current);
        group->addAction(action);
    }
}

}  // namespace depthstyle::ui
