#include "cache_folder.h"

#include <cstdlib>

namespace depthstyle {

std::filesystem::path cacheFolder() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    if (cache != nullptr && *cache != '\0') {
        return std::filesystem::path(cache) / "depthstyle";
    }
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
        return {};
    }
    return std::filesystem::path(home) / ".cache" / "depthstyle";
}

}  // namespace depthstyle
