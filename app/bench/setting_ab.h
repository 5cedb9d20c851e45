#pragma once

#include <string>
#include <vector>

namespace depthstyle::bench {

// Whole runs of `argv` (depthstyle-cli) under two values of one environment
// variable, `pairs` pairs in turns, so that a machine's slower minutes hit
// both alike; every other pair starts with the second value. Prints each
// pair as it ends.
struct SettingComparison {
    std::string variable;
    std::string first;                 // its value in the first runs (the default's)
    std::string second;                // and in the second
    std::vector<double> firstSeconds;  // in the order run
    std::vector<double> secondSeconds;
    bool ok = false;  // every run exited 0
};
SettingComparison compareSetting(const std::vector<std::string>& argv, const std::string& variable,
                                 const std::string& first, const std::string& second, int pairs);

// Both lists, their medians, and the median of the pairs' ratios (second
// over first: above 1 where the second value was slower).
void printSettingComparison(const SettingComparison& comparison, const std::string& firstLabel,
                            const std::string& secondLabel);

// The kernel's transparent huge pages setting, as a line to print first
// (under "always" both runs of DEPTHSTYLE_HUGE_PAGES use huge pages, under
// "never" neither).
std::string hugePagesKernelSetting();

}  // namespace depthstyle::bench
