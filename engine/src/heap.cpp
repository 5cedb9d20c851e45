#include "depthstyle/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
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
// Whether the advice was taken.
bool adviseHugePagesOnHeap() {
    void* block = std::malloc(kHugeReserve);
    if (block == nullptr) {
        return false;
    }
    const auto start = reinterpret_cast<uintptr_t>(block);
    const uintptr_t aligned = (start + 2 * kMiB - 1) & ~(2 * kMiB - 1);
    const int status = madvise(reinterpret_cast<void*>(aligned),
                               kHugeReserve - (aligned - start) - 2 * kMiB, MADV_HUGEPAGE);
    std::free(block);
    return status == 0;
}

std::atomic<bool> markedForHugePages{false};

std::atomic<std::uint64_t> warmed{0};

// Warm-ups still touching their block, and where another copy of this file
// (the CLI's program, beside its work module) keeps its own.
std::mutex warmupMutex;
std::condition_variable warmupDone;
int warmupsInFlight = 0;
std::atomic<void (*)()> otherWarmupWait{nullptr};

// Bytes of the heap (the [heap] mappings: advice splits them) in memory,
// counted with mincore. 0 where the maps cannot be read.
std::uint64_t residentHeapBytes() {
    const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    std::uint64_t resident = 0;
    std::ifstream maps("/proc/self/maps");
    const std::string name = " [heap]";
    std::string line;
    while (std::getline(maps, line)) {
        if (line.size() < name.size() ||
            line.compare(line.size() - name.size(), name.size(), name) != 0) {
            continue;
        }
        char* rest = nullptr;
        const uintptr_t start = std::strtoull(line.c_str(), &rest, 16);
        const uintptr_t end = *rest == '-' ? std::strtoull(rest + 1, nullptr, 16) : 0;
        if (end <= start) {
            return 0;
        }
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

void awaitHeapWarmups() {
    if (void (*wait)() = otherWarmupWait.load()) {
        wait();
    }
    std::unique_lock<std::mutex> lock(warmupMutex);
    warmupDone.wait(lock, [] { return warmupsInFlight == 0; });
}

void noteOtherHeapWarmups(void (*await)()) {
    otherWarmupWait = await;
}

std::uint64_t reusableWarmedHeapBytes() {
    const std::uint64_t warmedBytes = warmedHeapBytes();
    if (warmedBytes == 0) {
        return 0;
    }
    // A block still being touched counts as handed out, its touched pages as
    // resident: wait until it is free.
    awaitHeapWarmups();
    // Every arena's allocations count against the main heap's pages (an
    // undercount where other threads allocate from arenas of their own);
    // free pages of the main heap count whether warmed or freed later, but
    // never more than was warmed. Read in this order, the check's own
    // buffer is freed before the allocations are counted.
    const std::uint64_t resident = residentHeapBytes();
    const std::uint64_t inUse = mallinfo2().uordblks;
    return std::min(warmedBytes, resident > inUse ? resident - inUse : 0);
}

bool hugePagesAsked() {
    const char* value = std::getenv("DEPTHSTYLE_HUGE_PAGES");
    return value != nullptr && std::string(value) == "1";
}

bool heapMarkedForHugePages() {
    return markedForHugePages.load();
}

void tuneAllocatorOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Large blocks would otherwise come from mmap and go back on free.
        mallopt(M_MMAP_MAX, 0);
        // Keep the free top of the heap instead of returning it.
        mallopt(M_TRIM_THRESHOLD, INT32_MAX);
        if (hugePagesAsked()) {
            markedForHugePages = adviseHugePagesOnHeap();
        }
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
    {
        const std::lock_guard<std::mutex> lock(warmupMutex);
        ++warmupsInFlight;
    }
    const auto done = [] {
        {
            const std::lock_guard<std::mutex> lock(warmupMutex);
            --warmupsInFlight;
        }
        warmupDone.notify_all();
    };
    try {
        toucher_ = std::thread([block, bytes, done] {
            const auto page = static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
            for (std::uint64_t at = 0; at < bytes; at += page) {
                // volatile: the compiler may not drop stores to memory that is
                // freed next
                static_cast<volatile unsigned char*>(block)[at] = 0;
            }
            std::free(block);
            done();
        });
    } catch (const std::system_error&) {
        std::free(block);  // no thread to spare: nothing warmed
        done();
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
