#pragma once

#include <string>
#include <vector>

namespace depthstyle::bench {

struct ChildRun {
    int exitCode = -1;
    double seconds = 0.0;  // wall clock, process start to exit
    double peakMb = 0.0;   // the child's peak resident memory
};

// Runs a program (no shell), waits, and measures it; output goes to /dev/null.
ChildRun runMeasured(const std::vector<std::string>& argv);

// Runs a program and returns what it printed on stdout (empty on failure).
std::string runCaptured(const std::vector<std::string>& argv);

}  // namespace depthstyle::bench
