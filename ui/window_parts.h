#pragma once

class QLabel;
class QProgressBar;
class QToolButton;

namespace depthstyle::ui {

class ComparePane;
class ImagePane;
class NotificationBar;
class StrengthChart;

// The widgets the window's helpers show things in; the window owns them.
struct WindowParts {
    ImagePane* content = nullptr;
    ImagePane* style = nullptr;
    ImagePane* depth = nullptr;
    ImagePane* strength = nullptr;
    ComparePane* result = nullptr;
    StrengthChart* chart = nullptr;
    NotificationBar* notification = nullptr;
    QLabel* stage = nullptr;
    QProgressBar* progress = nullptr;
    QToolButton* cancel = nullptr;
};

}  // namespace depthstyle::ui
