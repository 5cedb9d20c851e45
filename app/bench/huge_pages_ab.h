#pragma once

#include <string>
#include <vector>

namespace depthstyle::bench {

// Whole runs of `argv` (depthstyle-cli) without and with transparent huge
// pages for its heap (DEPTHSTYLE_HUGE_PAGES=0 and =1), `pairs` pairs in
// turns, so that a machine's slower minutes hit both alike. Prints the
// kernel's own setting first (under "always" both runs use huge pages,
// under "never" neither), then each pair as it ends.
struct HugePagesComparison {
    std::vector<double> without;  // seconds, in the order run
    std::vector<double> with;
    bool ok = false;  // every run exited 0
};
HugePagesComparison compareHugePages(const std::vector<std::string>& argv, int pairs);

// Both lists, their medians, and the median of the pairs' ratios (with over
// without: above 1 where huge pages were slower).
void printHugePagesComparison(const HugePagesComparison& comparison);

}  // namespace depthstyle::bench
