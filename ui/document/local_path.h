#pragma once

#include <QFile>
#include <QString>
#include <string>

namespace depthstyle::doc {

// A path as the engine takes it: the bytes the file system uses (the local
// 8-bit encoding), so names that are not valid UTF-8 survive the round trip.
inline std::string localPath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

}  // namespace depthstyle::doc
