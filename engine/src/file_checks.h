#pragma once

#include <string>
#include <vector>

namespace depthstyle {

// Reads a whole input file. Throws EngineError naming the file: missing,
// a directory, unreadable, or empty.
std::vector<unsigned char> readInputFile(const std::string& path);

// Throws EngineError(FileMissing / FileUnreadable / FileEmpty) unless `path`
// is a readable, non-empty regular file.
void requireReadableFile(const std::string& path);

}  // namespace depthstyle
