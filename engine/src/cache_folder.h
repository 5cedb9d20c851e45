#pragma once

#include <filesystem>

namespace depthstyle {

// DepthStyle's folder in the user's cache: $XDG_CACHE_HOME/depthstyle, else
// ~/.cache/depthstyle; empty when neither is set. Not made here.
std::filesystem::path cacheFolder();

}  // namespace depthstyle
