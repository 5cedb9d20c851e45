#pragma once

#include <map>
#include <string>
#include <vector>

namespace depthstyle::bench {

// What one part of a whole depthstyle-cli run cost (the parts the CLI marks
// with DEPTHSTYLE_TRACE=1; see depthstyle/run_trace.h).
struct PartCost {
    double seconds = 0.0;
    double cpuSeconds = 0.0;   // user + system, every thread
    double pageFaults = 0.0;   // minor
    double anonymousMb = 0.0;  // resident anonymous memory added
    double convSeconds = 0.0;  // oneDNN's own time of the convolutions in it
    double convCalls = 0.0;
    double primitiveSeconds = 0.0;  // oneDNN creating (compiling) primitives in it
};

// One traced run: `order` lists the top-level parts as they first began.
struct RunSplit {
    bool ok = false;
    double whole = 0.0;         // fork to exit
    double processStart = 0.0;  // fork to main(): loading the libraries, their initialisers
    double exit = 0.0;          // main()'s return to exit
    double rest = 0.0;          // in no part (median: of each run's own rest)
    double wholeOverConvolutions = 0.0;  // the whole run / its convolutions' time
    std::vector<std::string> order;
    std::map<std::string, PartCost> parts;  // top-level and nested ("blend")
    std::map<std::string, std::string> parentOf;
    PartCost convolutions;  // every convolution of the run
};

// Runs the command with DEPTHSTYLE_TRACE=1 and DNNL_VERBOSE=2 and splits it.
RunSplit traceRun(const std::vector<std::string>& argv);

// Reads a run's standard output (trace and oneDNN lines); times in
// nanoseconds on CLOCK_MONOTONIC. Exposed for the test.
RunSplit splitTrace(const std::string& output, long long spawnedNs, long long endedNs);

// The median of each figure over the runs (parts from the first run's order).
RunSplit medianSplit(const std::vector<RunSplit>& runs);

// Prints the split as a Markdown table, with the convolutions' share.
void printSplit(const RunSplit& split, int runs);

// Prints the whole runs made without tracing, each taken right after one of
// `traced` (same order): their median, and the median over the pairs of the
// untraced whole run over the traced run's convolutions, the goal's ratio
// without the tracing's own printing.
void printUntracedWhole(const std::vector<RunSplit>& traced, const std::vector<double>& untraced);

}  // namespace depthstyle::bench
