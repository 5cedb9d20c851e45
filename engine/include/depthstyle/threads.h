#pragma once

namespace depthstyle {

// Sets LibTorch's intra-op thread count (Debian's LibTorch defaults to 1).
// 0 means every available core. Returns the count in effect.
int setComputeThreads(int count);

// Cores available to this process.
int availableCores();

// LibTorch's intra-op thread count in effect.
int computeThreads();

}  // namespace depthstyle
