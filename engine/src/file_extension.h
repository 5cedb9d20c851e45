#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace depthstyle {

// A path's extension in lower case, with its dot (".png"); empty when none.
inline std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace depthstyle
