#pragma once

#include <cstdint>
#include <thread>

namespace depthstyle {

// Keeps freed memory in the process for reuse instead of returning it to the
// system. On the machines measured here, first-touch page faults of fresh
// multi-megabyte tensors cost more than the convolutions (a 768x512 encoder
// pass: 2.4 s with them, 0.55 s without). Affects the whole process; safe to
// call more than once. With DEPTHSTYLE_HUGE_PAGES=1 in the environment it
// also marks the heap for transparent huge pages: not by default, since
// they gave no consistent gain on the machines at hand (whole runs from 5%
// faster to 6.5% slower with them, by processor and size), and a first
// touch of marked memory once stalled 1.2 s while the kernel gathered 2 MiB
// pages (README, "Tuned on the machine at hand").
void tuneAllocatorOnce();

// Whether the environment asks for huge pages (DEPTHSTYLE_HUGE_PAGES=1).
bool hugePagesAsked();
// Whether tuneAllocatorOnce() marked the heap for them in this process.
bool heapMarkedForHugePages();

// How much of the heap was warmed in this process (HeapWarmup, or told by
// whoever warmed it).
std::uint64_t warmedHeapBytes();
void noteWarmedHeapBytes(std::uint64_t bytes);

// The part of the warmed heap that is still free: memory the render counts
// as its own when it checks that it fits, though the system counts it as
// taken. What the process allocated since (weights, pictures) took warmed
// memory first, so this is the warmed bytes, at most the heap's resident
// bytes less what malloc has handed out. Waits for warm-ups still touching
// their block. Next to nothing where the heap is not malloc's (under
// AddressSanitizer).
std::uint64_t reusableWarmedHeapBytes();

// Waits until every HeapWarmup of this process has touched and freed its
// block, those of the other copy of this code named by noteOtherHeapWarmups
// too (the CLI's program warms the heap, its work module checks memory).
void awaitHeapWarmups();
void noteOtherHeapWarmups(void (*await)());

// Touches `bytes` of the (tuned) heap on a thread of its own and frees them
// again, so that the first touch of the memory a run will use (the kernel
// zeroing fresh pages; on a virtual machine the host backing them too)
// happens beside work that leaves a core idle, such as loading LibTorch,
// instead of inside the networks. Call tuneAllocatorOnce() first. Waits for
// the thread when destroyed.
class HeapWarmup {
public:
    explicit HeapWarmup(std::uint64_t bytes);
    ~HeapWarmup();
    HeapWarmup(const HeapWarmup&) = delete;
    HeapWarmup& operator=(const HeapWarmup&) = delete;

private:
    std::thread toucher_;
};

}  // namespace depthstyle
