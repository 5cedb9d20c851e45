#pragma once

namespace depthstyle::trace {

// A split of a whole run for depthstyle-bench. With DEPTHSTYLE_TRACE=1 in
// the environment, each part of a run prints
//   depthstyle-trace,<part>,<b|e>,<ns on CLOCK_MONOTONIC>,<minor page
//   faults so far>,<CPU microseconds so far, user + system, all threads>,
//   <resident anonymous memory in KiB>,<live threads>
// to standard output when it begins and ends. The lines go through the same
// stdout buffer as oneDNN's DNNL_VERBOSE lines, so a reader can tell which
// part each convolution ran in. Without the variable nothing is printed.
bool enabled();
void mark(const char* part, bool begin);

// Silences this thread's marks for the lifetime of the object: a probe (a
// one-time measurement) runs the networks, and its stages are not the run's.
class Muted {
public:
    Muted();
    ~Muted();
    Muted(const Muted&) = delete;
    Muted& operator=(const Muted&) = delete;
};

// Marks a part for the lifetime of the object.
class Part {
public:
    explicit Part(const char* name);
    ~Part();
    Part(const Part&) = delete;
    Part& operator=(const Part&) = delete;

private:
    const char* name_;  // null when tracing is off
};

}  // namespace depthstyle::trace
