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
// name with '/'), a comment ('#' first) and a missing list are skipped: the module's own load then
// loads what it needs and reports what is missing. A few of Debian's
// libraries cannot load alone (they use symbols of a library they do not
// declare: libmfhdfalt, libtheoraenc); they fail here, are undone, and load
// with the library that needs them. The names are found as
// the module's own needed libraries are (the system's library folders), so
// an outdated list loads at most a system library the module does not need.
void preloadLibraries(const std::filesystem::path& list);

}  // namespace depthstyle::cli
