#pragma once

#include <string>

namespace depthstyle {

// The SHA-256 of a file's contents in lower-case hex, as sha256sum prints it.
// Throws EngineError(FileUnreadable) naming the file when it cannot be read.
std::string sha256OfFile(const std::string& path);

}  // namespace depthstyle
