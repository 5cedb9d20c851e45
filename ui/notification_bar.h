#pragma once

#include <QFrame>

class QLabel;

namespace depthstyle::ui {

// An inline message above the panes (an error that names the file and the
// reason), so that nothing modal interrupts the work.
class NotificationBar : public QFrame {
    Q_OBJECT
public:
    explicit NotificationBar(QWidget* parent = nullptr);
    void showError(const QString& message);
    void showInfo(const QString& message);
    QString text() const;

private:
    void showMessage(const QString& message, const QColor& colour);
    QLabel* label_;
};

}  // namespace depthstyle::ui
