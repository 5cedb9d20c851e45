#pragma once

namespace depthstyle::cli {

// OpenBLAS (Debian's pthread build, LibTorch's BLAS) starts its workers,
// one fewer than the cores, as it loads, and leaves them spinning for about
// 0.1 s beside LibTorch's load and the heap warm-up; none of the networks
// here calls BLAS. Unless OPENBLAS_NUM_THREADS or GOTO_NUM_THREADS is set
// (OpenBLAS reads them before OMP_NUM_THREADS), it is told to use one
// thread, the calling one: it starts no worker. Call before LibTorch loads.
void keepBlasOnCallingThread();

}  // namespace depthstyle::cli
