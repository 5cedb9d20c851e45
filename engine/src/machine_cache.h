#pragma once

#include <optional>
#include <string>
#include <vector>

namespace depthstyle {

// Measurements of this machine remembered in a file of the user's cache
// folder, one line per LibTorch version, processor and thread count:
//   <format>\t<LibTorch>\t<processor>\t<threads>\t<value>\t<value>...
// A changed format, LibTorch, processor or thread count means a new
// measurement. Damaged lines are skipped.
struct MachineKey {
    std::string processor;
    int threads = 0;
};

// The `count` positive values remembered for `key` in `file`, if any.
std::optional<std::vector<double>> rememberedMeasurement(const std::string& file,
                                                         const std::string& format,
                                                         const MachineKey& key, size_t count);

// Adds or replaces the line of `key`; the file is written to a temporary
// name and renamed. Failures are ignored (the cache only saves time).
void rememberMeasurement(const std::string& file, const std::string& format, const MachineKey& key,
                         const std::vector<double>& values);

// The cache file called `name` in cacheFolder(); empty without a home folder.
std::string machineCacheFile(const char* name);

}  // namespace depthstyle
