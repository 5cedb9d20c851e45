#include "depthstyle/run_trace.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace depthstyle::trace {
namespace {

thread_local int muted = 0;

long long micros(const timeval& t) {
    return static_cast<long long>(t.tv_sec) * 1000000LL + t.tv_usec;
}

// Resident anonymous memory (resident minus file-backed), from statm.
long anonymousKilobytes() {
    FILE* statm = std::fopen("/proc/self/statm", "r");
    if (statm == nullptr) {
        return -1;
    }
    long size = 0;
    long resident = 0;
    long shared = 0;
    const int read = std::fscanf(statm, "%ld %ld %ld", &size, &resident, &shared);
    std::fclose(statm);
    return read == 3 ? (resident - shared) * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

// The process's live threads, from status.
long threadCount() {
    FILE* status = std::fopen("/proc/self/status", "r");
    if (status == nullptr) {
        return -1;
    }
    long threads = -1;
    char line[256];
    while (std::fgets(line, sizeof line, status) != nullptr) {
        if (std::sscanf(line, "Threads: %ld", &threads) == 1) {
            break;
        }
    }
    std::fclose(status);
    return threads;
}

}  // namespace

bool enabled() {
    static const bool on = [] {
        const char* value = std::getenv("DEPTHSTYLE_TRACE");
        return value != nullptr && std::strcmp(value, "") != 0 && std::strcmp(value, "0") != 0;
    }();
    return on;
}

Muted::Muted() {
    ++muted;
}

Muted::~Muted() {
    --muted;
}

void mark(const char* part, bool begin) {
    if (!enabled() || muted > 0) {
        return;
    }
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("depthstyle-trace,%s,%c,%lld,%ld,%lld,%ld,%ld\n", part, begin ? 'b' : 'e',
                static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec, usage.ru_minflt,
                micros(usage.ru_utime) + micros(usage.ru_stime), anonymousKilobytes(),
                threadCount());
}

Part::Part(const char* name) : name_(enabled() ? name : nullptr) {
    if (name_ != nullptr) {
        mark(name_, true);
    }
}

Part::~Part() {
    if (name_ != nullptr) {
        mark(name_, false);
    }
}

}  // namespace depthstyle::trace
