#pragma once

#include <string>

namespace depthstyle {

// Registers a temporary file being written, for as long as it lives, so
// that removePendingTemporaryFiles() (a signal handler's) can remove it.
// Fixed slots, async-signal-safe; a path too long for a slot, or no free
// slot, is simply not registered.
class PendingTemporary {
public:
    explicit PendingTemporary(const std::string& path);
    ~PendingTemporary();
    PendingTemporary(const PendingTemporary&) = delete;
    PendingTemporary& operator=(const PendingTemporary&) = delete;

private:
    int slot_ = -1;
};

}  // namespace depthstyle
