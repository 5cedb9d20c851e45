#pragma once

#include <QString>

#include "parameters.h"

class QMainWindow;
class QSplitter;

namespace depthstyle::ui {

class ComparePane;

// What of the window is saved between runs.
struct WindowLayout {
    QMainWindow* window;
    QSplitter* const* splitters;  // four: main, left, top pair, bottom pair
    ComparePane* result;
};

// Geometry, dock, splitters and comparison mode; the saved model directory
// when none was given (on the command line or in $DEPTHSTYLE_MODELS).
void restoreWindowSettings(const WindowLayout& layout, QString& modelDirectoryOverride);
// The parameters of the last run (a depth file that is gone falls back to
// MiDaS).
doc::Parameters restoredParameters();
void saveWindowSettings(const WindowLayout& layout, const doc::Parameters& parameters);

}  // namespace depthstyle::ui
