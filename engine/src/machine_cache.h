#pragma once

#include <atomic>
#include <functional>
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
// name and renamed. False when it could not be written (the cache only
// saves time).
bool rememberMeasurement(const std::string& file, const std::string& format, const MachineKey& key,
                         const std::vector<double>& values);

// The cache file called `name` in cacheFolder(); empty without a home folder.
std::string machineCacheFile(const char* name);

// Whether a measurement could be remembered in `file` (its folder made and
// writable): where not, measuring would be repeated on every run.
bool canRemember(const std::string& file);

// An exclusive lock on the measurements of the user's cache folder (its
// "measuring.lock"), held while it lives, so that programs never measure
// beside each other. A program measuring before its own work (the CLI)
// holds it for a whole measurement, and one that waited reads what the
// first measured; the app holds it for one step at a time
// (measurement_turns.cpp), between which it waits for quiet moments without
// it. Waits for the lock (looking at `stop`, when given, every 50 ms, and
// giving up once it is set), calling `waiting` (when given) once first.
// Locks nothing without a cache folder, or when the lock file can be
// neither made nor opened, or is not a plain file.
class MachineCacheLock {
public:
    explicit MachineCacheLock(const std::atomic<bool>* stop,
                              const std::function<void()>& waiting = {});
    ~MachineCacheLock();
    MachineCacheLock(const MachineCacheLock&) = delete;
    MachineCacheLock& operator=(const MachineCacheLock&) = delete;

    bool held() const { return descriptor_ >= 0; }
    bool stopped() const { return stopped_; }  // `stop` was set first

private:
    int descriptor_ = -1;
    bool stopped_ = false;
};

}  // namespace depthstyle
