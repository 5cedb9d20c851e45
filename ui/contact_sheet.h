#pragma once

#include <QFont>
#include <QImage>
#include <QSize>
#include <QString>
#include <vector>

namespace depthstyle::ui {

// One picture of a contact sheet and the line printed under it.
struct SheetCell {
    QImage picture;
    QString label;
};

inline constexpr int kSheetMargin = 16;       // around and between the cells
inline constexpr int kSheetLabelHeight = 32;  // the line under each cell

// The sheet's size for `rows` x `columns` cells of at most `cell` each.
QSize contactSheetSize(QSize cell, int rows, int columns);

// The cells in rows of `columns` on white, each centred in a box of the
// largest cell's size, its label under it in `font` (pixel size set here).
// Any thread (a QImage, not a widget).
QImage composeContactSheet(const std::vector<SheetCell>& cells, int columns, QFont font);

// Writes the sheet by the extension of `path` (PNG, JPEG at quality 95, or
// any other the engine writes) to a temporary file in the same folder, then
// renames it: nothing is left behind, and no file is changed, on failure.
// Throws EngineError naming the file and the reason.
void writeContactSheet(const QString& path, const QImage& sheet);

}  // namespace depthstyle::ui
