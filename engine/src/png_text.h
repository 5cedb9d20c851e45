#pragma once

#include <string>
#include <utility>
#include <vector>

namespace depthstyle {

using TextEntries = std::vector<std::pair<std::string, std::string>>;

// Inserts one iTXt chunk (UTF-8 text, uncompressed) per entry right after the
// IHDR chunk of an encoded PNG. Keys must be 1-79 Latin-1 characters.
void insertPngText(std::vector<unsigned char>& png, const TextEntries& entries);

}  // namespace depthstyle
