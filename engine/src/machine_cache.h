#pragma once

#include <atomic>
#include <chrono>
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

// Holds an exclusive lock on the measurements of the folder holding `file`
// (its "measuring.lock") while it lives, so that programs measure one at a
// time, never beside each other, and one that waited reads what the first
// one measured. Waits for the lock until `stop` (when given; looked at
// every 50 ms) is set, or at most `maxWait`: a program measuring before its
// own work goes on without the lock rather than wait for an app whose
// measurement waits for quiet moments. Locks nothing when the lock file
// cannot be made.
class MachineCacheLock {
public:
    static constexpr std::chrono::milliseconds kWaitForever{-1};

    explicit MachineCacheLock(const std::string& file, const std::atomic<bool>* stop = nullptr,
                              std::chrono::milliseconds maxWait = kWaitForever);
    ~MachineCacheLock();
    MachineCacheLock(const MachineCacheLock&) = delete;
    MachineCacheLock& operator=(const MachineCacheLock&) = delete;

    bool held() const { return descriptor_ >= 0; }
    bool stopped() const { return stopped_; }  // `stop` was set first

private:
    int descriptor_ = -1;
    bool stopped_ = false;
};

// How long a program without a stop flag (the CLI) waits for another's
// measurement before measuring without the lock.
inline constexpr std::chrono::milliseconds kMeasuringLockWait{10000};

// How long to wait for the lock: until `stop` where there is one, else
// kMeasuringLockWait.
std::chrono::milliseconds measuringLockWait(const std::atomic<bool>* stop);

}  // namespace depthstyle
