#pragma once

#include <string>

namespace depthstyle {

// The SHA-256 of a model file, remembered across runs in the user's cache
// folder ($XDG_CACHE_HOME/depthstyle/model-hashes, else ~/.cache/...) by the
// file's identity: real path, device, inode, size, modification and status
// change times. A set is hashed once, not at every start; any change to the
// file (even one that restores its size and modification time changes the
// status change time) makes it hashed again. A cache that cannot be read or
// written only costs the time of hashing.
std::string rememberedSha256(const std::string& realPath);

}  // namespace depthstyle
