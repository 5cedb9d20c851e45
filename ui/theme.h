#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <optional>

namespace depthstyle::ui {

// The colour scheme: the desktop's own, or Fusion with a light or a dark
// palette (View > Theme; saved as "theme" in the settings).
enum class Theme { System, Light, Dark };

QString themeKey(Theme theme);                           // "system", "light", "dark"
std::optional<Theme> parseThemeKey(const QString& key);  // nullopt for unknown keys
Theme themeFromKey(const QString& key);                  // unknown keys give System

// Sets the application's style and palette. The first call remembers the
// desktop's, which System restores.
void applyTheme(Theme theme);
Theme currentTheme();

// WCAG 2 contrast ratio of two opaque colours (1 to 21); text wants 4.5,
// lines and shapes 3.
double contrastRatio(const QColor& a, const QColor& b);

// `colour` drawn over `background` (alpha blended, opaque result).
QColor over(const QColor& colour, const QColor& background);

// For hints drawn on the Base colour (a pane's "drop a photo here"): the
// palette's placeholder colour where it reaches 4.5:1, else Text softened
// just enough to keep 4.5:1 (some palettes' placeholders are too faint).
QColor hintColour(const QPalette& palette);

}  // namespace depthstyle::ui
