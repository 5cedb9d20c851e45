#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace depthstyle::doc {

// File names are bytes; QString holds text. A name that is not valid UTF-8
// travels in a QString with each byte that is not part of a valid sequence
// held as the lone surrogate U+DC00 + byte (the convention Python calls
// "surrogateescape"), so it comes back byte for byte. QFile::decodeName would
// turn such bytes into U+FFFD, and the file could no longer be opened.
QString fromLocalPath(const std::string& bytes);

// A path as the engine takes it: the bytes the file system uses.
std::string localPath(const QString& path);

// The program's arguments decoded by fromLocalPath(), for QCommandLineParser
// (QCoreApplication::arguments() decodes them with loss).
QStringList commandLineArguments(int argc, const char* const* argv);

}  // namespace depthstyle::doc
