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
// A slot is free, claimed (its path being copied in) or ready; the signal
// handler reads only ready slots' paths.
enum SlotState : int { kFree, kClaimed, kReady };
std::atomic<int> slotState[kTempSlots];

}  // namespace

PendingTemporary::PendingTemporary(const std::string& path) {
    if (path.size() >= kTempPathMax) {
        return;
    }
    for (int i = 0; i < kTempSlots; ++i) {
        int expected = kFree;
        if (slotState[i].compare_exchange_strong(expected, kClaimed)) {
            std::memcpy(tempPaths[i], path.c_str(), path.size() + 1);
            slotState[i].store(kReady);
            slot_ = i;
            return;
        }
    }
}

PendingTemporary::~PendingTemporary() {
    if (slot_ >= 0) {
        slotState[slot_].store(kFree);
    }
}

void removePendingTemporaryFiles() {
    for (int i = 0; i < kTempSlots; ++i) {
        if (slotState[i].load() == kReady) {
            ::unlink(tempPaths[i]);
        }
    }
}

}  // namespace depthstyle
