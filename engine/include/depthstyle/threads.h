#pragma once

#include <functional>
#include <vector>

namespace depthstyle {

// Sets LibTorch's intra-op thread count (Debian's LibTorch defaults to 1).
// 0 means every available core. Returns the count in effect.
int setComputeThreads(int count);

// Cores available to this process.
int availableCores();

// LibTorch's intra-op thread count in effect.
int computeThreads();

// Runs every task once on `threads` threads (this one and threads - 1 more,
// each with computeThreads() compute threads, so that the oneDNN kernels
// they make are planned for the threads that run them), each thread taking
// the next task not yet taken; the first task runs on this thread (memory
// it keeps comes from this thread's heap). Rethrows the first task's
// exception once all are done.
void runTasks(const std::vector<std::function<void()>>& tasks, int threads);

}  // namespace depthstyle
