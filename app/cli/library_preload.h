#pragma once

#include <filesystem>

namespace depthstyle::cli {

// The list of libraries the program loads before the work module, written
// by library_order.sh when the module is built: beside the module, with the
// module's name and ".libraries".
std::filesystem::path libraryListPath(const std::filesystem::path& module);

// Loads the listed libraries (sonames, dependencies first) one by one, so
// that each looks its symbols up among its own dependencies only, not
// through all ~290 of LibTorch's. A name that cannot be loaded, a path (a
// name with '/') and a missing list are skipped: the module's own load then
// loads what it needs and reports what is missing. Returns how many loaded.
int preloadLibraries(const std::filesystem::path& list);

// OpenBLAS (Debian's pthread build, LibTorch's BLAS) starts a worker per
// core as it loads and leaves it spinning for about 0.1 s, beside LibTorch's
// load and the heap warm-up on a 2-core machine; none of the networks here
// calls BLAS. Unless the user chose a count, it is told to use one thread
// (the calling one): no worker is started.
void keepBlasOnCallingThread();

}  // namespace depthstyle::cli
