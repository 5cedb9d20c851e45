#pragma once

#include <QString>
#include <QWidget>

namespace depthstyle::ui {

// A control's accessible name and description, the description also as
// its tooltip: what a screen reader says and what the pointer shows agree.
inline void describeWidget(QWidget* widget, const QString& name, const QString& description) {
    widget->setAccessibleName(name);
    widget->setAccessibleDescription(description);
    widget->setToolTip(description);
}

}  // namespace depthstyle::ui
