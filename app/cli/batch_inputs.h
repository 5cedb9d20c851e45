#pragma once

#include <QString>
#include <QStringList>

namespace depthstyle::cli {

// Whether a file name has an image extension the engine reads (jpg, jpeg,
// png, tif, tiff, webp, bmp; any case).
bool hasImageExtension(const QString& path);

// Natural order of file names: runs of digits compare as numbers ("p2" <
// "p10"), the rest character by character.
bool naturalLess(const QString& a, const QString& b);

// The pictures a batch names: each file as given; each folder's image
// files (not its subfolders, not hidden files) in natural order (2 before
// 10). Throws EngineError(FileUnreadable) naming a folder that cannot be
// listed or holds no image.
QStringList expandInputs(const QStringList& paths);

// The paths of a list file: one per line; blank lines and lines starting
// with '#' skipped; a relative path is relative to the list file's folder.
// Throws EngineError naming the list file when it cannot be read.
QStringList readListFile(const QString& listFile);

}  // namespace depthstyle::cli
