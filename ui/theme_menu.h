#pragma once

class QMenu;

namespace depthstyle::ui {

// Adds View > Theme: System, Light, Dark. A choice applies at once and is
// saved for the next start.
void addThemeMenu(QMenu* view);

}  // namespace depthstyle::ui
