#include "depthstyle/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <system_error>

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

}  // namespace

std::uint64_t warmedHeapBytes() {
    return warmed.load();
}

void noteWarmedHeapBytes(std::uint64_t bytes) {
    warmed = bytes;
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
