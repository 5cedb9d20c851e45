#include "pending_temporary.h"

#include <unistd.h>

#include <atomic>
#include <cstring>

#include "depthstyle/image_io.h"

namespace depthstyle {
namespace {

constexpr int kTempSlots = 8;
constexpr size_t kTempPathMax = 4096;
char tempPaths[kTempSlots][kTempPathMax];
std::atomic<bool> tempUsed[kTempSlots];

}  // namespace

PendingTemporary::PendingTemporary(const std::string& path) {
    if (path.size() >= kTempPathMax) {
        return;
    }
    for (int i = 0; i < kTempSlots; ++i) {
        bool expected = false;
        if (!tempUsed[i].load() && tempUsed[i].compare_exchange_strong(expected, true)) {
            std::memcpy(tempPaths[i], path.c_str(), path.size() + 1);
            slot_ = i;
            return;
        }
    }
}

PendingTemporary::~PendingTemporary() {
    if (slot_ >= 0) {
        tempUsed[slot_] = false;
    }
}

void removePendingTemporaryFiles() {
    for (int i = 0; i < kTempSlots; ++i) {
        if (tempUsed[i].load()) {
            ::unlink(tempPaths[i]);
        }
    }
}

}  // namespace depthstyle
