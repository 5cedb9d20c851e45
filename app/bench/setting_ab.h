#pragma once

#include <string>
#include <vector>

namespace depthstyle::bench {

// One side of a comparison of whole runs: the command line (a
// depthstyle-cli and its arguments) and, unless `variable` is empty, the
// value an environment variable has for it.
struct RunSide {
    std::string label;
    std::vector<std::string> argv;
    std::string variable;
    std::string value;
};

// Whole runs of two sides, `pairs` pairs in turns, so that a machine's
// slower minutes hit both alike; every other pair starts with the second.
// Prints each pair as it ends.
struct RunComparison {
    std::string firstLabel;
    std::string secondLabel;
    std::vector<double> firstSeconds;  // in the order run
    std::vector<double> secondSeconds;
    bool ok = false;  // every run exited 0
};
RunComparison compareRuns(const RunSide& first, const RunSide& second, int pairs);

// `argv` under two values of one environment variable.
RunComparison compareSetting(const std::vector<std::string>& argv, const std::string& variable,
                             const std::string& first, const std::string& second, int pairs,
                             const std::string& firstLabel, const std::string& secondLabel);

// Both lists, their medians, and the median of the pairs' ratios (second
// over first: above 1 where the second was slower).
void printRunComparison(const RunComparison& comparison);

// The kernel's transparent huge pages setting, as a line to print first
// (under "always" both runs of DEPTHSTYLE_HUGE_PAGES use huge pages, under
// "never" neither).
std::string hugePagesKernelSetting();

}  // namespace depthstyle::bench
