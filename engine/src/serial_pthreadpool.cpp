// LibTorch keeps a second thread pool beside OpenMP's: pthreadpool, for its
// mobile kernels (XNNPACK, QNNPACK, NNPACK), which no network here runs.
// at::set_num_threads rebuilds it with that many threads, and LibTorch calls
// at::set_num_threads again on every thread's first parallel operation
// (OpenMP's workers included). Each rebuild starts threads, waits until they
// run (milliseconds while both cores are busy) and leaves them spinning for
// tens of milliseconds beside the networks.
//
// This definition is found before libpthreadpool's: it is an object of every
// program and module that loads LibTorch (not a member of a static library),
// and their own symbols come first in the lookup order. The pool is made
// with one thread, with which pthreadpool runs every task on the calling
// thread. Measured on an AMD EPYC at 768x512: process set-up 16 -> 3 ms,
// AdaIN 10 -> 3 ms (its first reduction on OpenMP's worker). A kernel that
// did use pthreadpool would run on one thread: correct, only slower.
#include <dlfcn.h>

#include <cstddef>

struct pthreadpool;

extern "C" __attribute__((visibility("default"))) pthreadpool* pthreadpool_create(
    size_t /*threadsCount*/) {
    using Create = pthreadpool* (*)(size_t);
    static const auto real = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "pthreadpool_create"));
    // Never null in practice: LibTorch, the only caller, links libpthreadpool
    // (and asserts on a null pool).
    return real != nullptr ? real(1) : nullptr;
}
