#pragma once

#include <QString>
#include <functional>

class QMainWindow;
class QUndoStack;

namespace depthstyle::ui {

class ComparePane;
class NotificationBar;

// What the menus do; the window fills it in.
struct MenuActions {
    std::function<void()> openContent, openStyle, openDepthMap;
    std::function<void(const QString& path, bool asContent)> openRecent;
    std::function<void()> exportResult, exportAll, loadParameters, openWork;
    std::function<void()> copyResult, pasteContent, pasteStyle;
    std::function<void()> fitAll, enlargeResult, showVariations;
    // Zoom the pane with the keyboard focus (else the result) by a factor.
    std::function<void(double factor)> zoom;
    std::function<void(bool linked)> linkZoom;
    bool zoomLinked = false;
    std::function<void(const QString& presetKey)> applyPreset;
    // What the result pane compares with: 0 plain AdaIN, 1 the photo, 2 the
    // last export.
    std::function<void(int source)> compareWith;
    // The artist's own presets (listed each time the menu opens).
    std::function<void()> savePreset, importPreset;
    std::function<void(const QString&name)> applyUserPreset, deleteUserPreset;
};

// The File, Edit and View menus (recent files, undo and redo, the
// comparison modes, zoom, compute threads, language and theme).
void buildMainMenus(QMainWindow* window, const MenuActions& actions, QUndoStack* undo,
                    ComparePane* result, NotificationBar* notification);

}  // namespace depthstyle::ui
