#include "machine_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <torch/csrc/api/include/torch/version.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cache_folder.h"
#include "depthstyle/measurement_turns.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

// How often a lock waiter looks at the lock and its stop flag.
constexpr std::chrono::milliseconds kLockPoll{50};

struct Line {
    std::string format;
    std::string torch;
    MachineKey key;
    std::vector<double> values;
};

std::optional<Line> parse(const std::string& text) {
    std::istringstream in(text);
    Line line;
    if (!std::getline(in, line.format, '\t') || !std::getline(in, line.torch, '\t') ||
        !std::getline(in, line.key.processor, '\t') || !(in >> line.key.threads) ||
        line.key.threads < 1) {
        return std::nullopt;
    }
    double value = 0.0;
    while (in >> value) {
        if (!(value > 0.0)) {
            return std::nullopt;
        }
        line.values.push_back(value);
    }
    if (!in.eof() || line.values.empty()) {
        return std::nullopt;
    }
    return line;
}

bool sameEntry(const Line& line, const std::string& format, const MachineKey& key) {
    return line.format == format && line.torch == TORCH_VERSION &&
           line.key.processor == key.processor && line.key.threads == key.threads;
}

}  // namespace

std::optional<std::vector<double>> rememberedMeasurement(const std::string& file,
                                                         const std::string& format,
                                                         const MachineKey& key, size_t count) {
    std::ifstream in(file);
    std::string text;
    while (in && std::getline(in, text)) {
        const std::optional<Line> line = parse(text);
        if (line && sameEntry(*line, format, key) && line->values.size() == count) {
            return line->values;
        }
    }
    return std::nullopt;
}

bool rememberMeasurement(const std::string& file, const std::string& format, const MachineKey& key,
                         const std::vector<double>& values) {
    if (file.empty()) {
        return false;
    }
    std::vector<std::string> kept;
    {
        std::ifstream in(file);
        std::string text;
        while (in && std::getline(in, text) && kept.size() < 64) {
            const std::optional<Line> line = parse(text);
            if (line && !sameEntry(*line, format, key)) {
                kept.push_back(text);
            }
        }
    }
    std::string entry =
        format + "\t" + TORCH_VERSION + "\t" + key.processor + "\t" + std::to_string(key.threads);
    for (const double value : values) {
        char number[32];
        std::snprintf(number, sizeof number, "\t%.6g", value);
        entry += number;
    }
    kept.push_back(entry);
    std::error_code ec;
    fs::create_directories(fs::path(file).parent_path(), ec);
    const std::string temp = file + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::trunc);
        for (const std::string& line : kept) {
            out << line << '\n';
        }
        if (!out.flush()) {
            fs::remove(temp, ec);
            return false;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

bool canRemember(const std::string& file) {
    if (file.empty()) {
        return false;
    }
    std::error_code ec;
    const fs::path folder = fs::path(file).parent_path();
    fs::create_directories(folder, ec);
    return fs::is_directory(folder, ec) && ::access(folder.c_str(), W_OK) == 0 &&
           (!fs::exists(file, ec) || ::access(file.c_str(), W_OK) == 0);
}

MachineCacheLock::MachineCacheLock(const std::atomic<bool>* stop,
                                   const std::function<void()>& waiting) {
    const std::string lock = measuringLockFile();
    if (lock.empty()) {
        return;
    }
    std::error_code ec;
    fs::create_directories(fs::path(lock).parent_path(), ec);
    // Not through a link, and no wait on a FIFO put there.
    constexpr int kFlags = O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK;
    descriptor_ = ::open(lock.c_str(), O_RDWR | O_CREAT | kFlags, 0644);
    if (descriptor_ < 0) {
        // Another user's lock file, say: flock needs no write access.
        descriptor_ = ::open(lock.c_str(), O_RDONLY | kFlags);
    }
    struct stat status {};
    if (descriptor_ >= 0 && (::fstat(descriptor_, &status) != 0 || !S_ISREG(status.st_mode))) {
        ::close(descriptor_);
        descriptor_ = -1;
    }
    if (descriptor_ < 0) {
        return;
    }
    bool told = false;
    for (;;) {
        if (::flock(descriptor_, LOCK_EX | LOCK_NB) == 0) {
            return;
        }
        const bool busy = errno == EWOULDBLOCK || errno == EINTR;
        stopped_ = busy && stop != nullptr && stop->load();
        if (!busy || stopped_) {
            ::close(descriptor_);
            descriptor_ = -1;
            return;
        }
        if (!told && waiting) {
            waiting();
        }
        told = true;
        std::this_thread::sleep_for(kLockPoll);
    }
}

MachineCacheLock::~MachineCacheLock() {
    if (descriptor_ >= 0) {
        ::close(descriptor_);  // releases the lock
    }
}

std::string machineCacheFile(const char* name) {
    const fs::path folder = cacheFolder();
    return folder.empty() ? std::string() : (folder / name).string();
}

}  // namespace depthstyle
