#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;

namespace depthstyle::ui {

// An inline message above the panes (an error that names the file and the
// reason), so that nothing modal interrupts the work.
class NotificationBar : public QFrame {
    Q_OBJECT
public:
    explicit NotificationBar(QWidget* parent = nullptr);
    void showError(const QString& message);
    void showInfo(const QString& message);
    // An information with a button (e.g. "Cancel") that calls `action`.
    void showInfo(const QString& message, const QString& actionText,
                  const std::function<void()>& action);
    QString text() const;

private:
    void showMessage(const QString& message, const QColor& colour);
    QLabel* label_;
    QToolButton* action_;
    std::function<void()> onAction_;
};

}  // namespace depthstyle::ui
