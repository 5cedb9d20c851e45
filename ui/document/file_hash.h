#pragma once

#include <QString>

namespace depthstyle::doc {

// SHA-256 of a file in hex, empty when unreadable. Cached per path, size and
// modification time; safe to call from any thread.
QString sha256OfFile(const QString& path);

}  // namespace depthstyle::doc
