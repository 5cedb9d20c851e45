#include "notification_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace depthstyle::ui {

NotificationBar::NotificationBar(QWidget* parent)
    : QFrame(parent), label_(new QLabel(this)), action_(new QToolButton(this)) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAccessibleName(tr("Close message"));
    close->setToolTip(tr("Close this message"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(label_, 1);
    layout->addWidget(action_);
    layout->addWidget(close);
    action_->hide();
    connect(action_, &QToolButton::clicked, this, [this] {
        if (onAction_) {
            onAction_();
        }
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    setAccessibleName(tr("Message"));
    hide();
}

void NotificationBar::showMessage(const QString& message, const QColor& colour) {
    QPalette p = palette();
    p.setColor(QPalette::Window, colour);
    p.setColor(QPalette::WindowText, Qt::black);
    setPalette(p);
    label_->setText(message);
    label_->setAccessibleName(message);
    action_->hide();
    onAction_ = nullptr;
    show();
}

void NotificationBar::showInfo(const QString& message, const QString& actionText,
                               const std::function<void()>& action) {
    showInfo(message);
    action_->setText(actionText);
    action_->setAccessibleName(actionText);
    onAction_ = action;
    action_->show();
}

void NotificationBar::showError(const QString& message) {
    showMessage(message, QColor(250, 205, 200));
}

void NotificationBar::showInfo(const QString& message) {
    showMessage(message, QColor(205, 230, 250));
}

QString NotificationBar::text() const {
    return isHidden() ? QString() : label_->text();
}

}  // namespace depthstyle::ui
