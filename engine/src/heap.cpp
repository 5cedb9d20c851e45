#include "depthstyle/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

namespace depthstyle {
namespace {

constexpr size_t kMiB = size_t{1} << 20;
constexpr size_t kHugeReserve = 1536 * kMiB;  // below the trim threshold (2 GiB)

// Grows the heap once, marks the range for transparent huge pages and frees
// it again: the free top of the heap stays (below the trim threshold), so
// later tensors are carved from memory that faults in 2 MiB pages instead of
// 4 KiB ones. Nothing is touched here; the memory only counts once used.
void adviseHugePagesOnHeap() {
    void* block = std::malloc(kHugeReserve);
    if (block == nullptr) {
        return;
    }
    const auto start = reinterpret_cast<uintptr_t>(block);
    const uintptr_t aligned = (start + 2 * kMiB - 1) & ~(2 * kMiB - 1);
    madvise(reinterpret_cast<void*>(aligned), kHugeReserve - (aligned - start) - 2 * kMiB,
            MADV_HUGEPAGE);
    std::free(block);
}

std::atomic<std::uint64_t> warmed{0};

// Bytes of the heap (the [heap] mappings: advice splits it) in memory,
// counted with mincore.
std::uint64_t residentHeapBytes() {
    const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    std::uint64_t resident = 0;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        if (line.size() < 6 || line.compare(line.size() - 6, 6, "[heap]") != 0) {
            continue;
        }
        const uintptr_t start = std::stoull(line.substr(0, line.find('-')), nullptr, 16);
        const uintptr_t end = std::stoull(line.substr(line.find('-') + 1), nullptr, 16);
        std::vector<unsigned char> inMemory((end - start + page - 1) / page);
        if (mincore(reinterpret_cast<void*>(start), end - start, inMemory.data()) == 0) {
            resident += page * static_cast<std::uint64_t>(
                                   std::count_if(inMemory.begin(), inMemory.end(),
                                                 [](unsigned char c) { return (c & 1) != 0; }));
        }
    }
    return resident;
}

}  // namespace

std::uint64_t warmedHeapBytes() {
    return warmed.load();
}

void noteWarmedHeapBytes(std::uint64_t bytes) {
    warmed = bytes;
}

std::uint64_t reusableWarmedHeapBytes() {
    const std::uint64_t warmedBytes = warmedHeapBytes();
    if (warmedBytes == 0) {
        return 0;
    }
    // Every arena's allocations count against the main heap's pages: an
    // undercount, never an overcount.
    const std::uint64_t inUse = mallinfo2().uordblks;
    const std::uint64_t resident = residentHeapBytes();
    return std::min(warmedBytes, resident > inUse ? resident - inUse : 0);
}

void tuneAllocatorOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Large blocks would otherwise come from mmap and go back on free.
        mallopt(M_MMAP_MAX, 0);
        // Keep the free top of the heap instead of returning it.
        mallopt(M_TRIM_THRESHOLD, INT32_MAX);
        adviseHugePagesOnHeap();
    });
}

HeapWarmup::HeapWarmup(std::uint64_t bytes) {
    if (bytes == 0) {
        return;
    }
    auto* block = static_cast<unsigned char*>(std::malloc(bytes));
    if (block == nullptr) {
        return;
    }
    try {
        toucher_ = std::thread([block, bytes] {
            const auto page = static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
            for (std::uint64_t at = 0; at < bytes; at += page) {
                // volatile: the compiler may not drop stores to memory that is
                // freed next
                static_cast<volatile unsigned char*>(block)[at] = 0;
            }
            std::free(block);
        });
    } catch (const std::system_error&) {
        std::free(block);  // no thread to spare: nothing warmed
        return;
    }
    noteWarmedHeapBytes(warmedHeapBytes() + bytes);
}

HeapWarmup::~HeapWarmup() {
    if (toucher_.joinable()) {
        toucher_.join();
    }
}

}  // namespace depthstyle
