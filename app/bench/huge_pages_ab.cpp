#include "huge_pages_ab.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "child_process.h"
#include "cli_times.h"

namespace depthstyle::bench {
namespace {

void printSeconds(const char* label, const std::vector<double>& seconds) {
    std::printf("- %s: median %.3f s of", label, median(seconds));
    for (const double s : seconds) {
        std::printf(" %.3f", s);
    }
    std::printf("\n");
}

// The kernel's setting (its line with the choice in brackets), or why not.
std::string kernelSetting(const char* name) {
    std::ifstream in(std::string("/sys/kernel/mm/transparent_hugepage/") + name);
    std::string line;
    return std::getline(in, line) ? line : std::string("(not readable)");
}

}  // namespace

HugePagesComparison compareHugePages(const std::vector<std::string>& argv, int pairs) {
    HugePagesComparison comparison;
    comparison.ok = true;
    std::printf("- the kernel's transparent huge pages: enabled %s; defrag %s\n",
                kernelSetting("enabled").c_str(), kernelSetting("defrag").c_str());
    for (int pair = 0; pair < pairs && comparison.ok; ++pair) {
        // Every other pair starts with huge pages, so that a run's place in
        // its pair favours neither.
        const bool hugeFirst = pair % 2 == 1;
        double seconds[2] = {0.0, 0.0};  // without, with
        for (const bool huge : {hugeFirst, !hugeFirst}) {
            // The child inherits the environment (one child at a time).
            setenv("DEPTHSTYLE_HUGE_PAGES", huge ? "1" : "0", 1);
            const ChildRun run = runMeasured(argv);
            comparison.ok = comparison.ok && run.exitCode == 0;
            seconds[huge ? 1 : 0] = run.seconds;
        }
        comparison.without.push_back(seconds[0]);
        comparison.with.push_back(seconds[1]);
        // Each pair as it ends: a run cut short keeps what it measured.
        std::printf("- pair %d: %.3f s without, %.3f s with\n", pair + 1, seconds[0], seconds[1]);
        std::fflush(stdout);
    }
    unsetenv("DEPTHSTYLE_HUGE_PAGES");
    return comparison;
}

void printHugePagesComparison(const HugePagesComparison& comparison) {
    if (!comparison.ok) {
        std::printf("- a run failed: no comparison\n");
        return;
    }
    printSeconds("whole run, 4 KiB pages (the default)", comparison.without);
    printSeconds("whole run, DEPTHSTYLE_HUGE_PAGES=1", comparison.with);
    std::vector<double> ratios;
    for (size_t i = 0; i < comparison.with.size(); ++i) {
        ratios.push_back(comparison.with[i] / comparison.without[i]);
    }
    std::printf("- huge pages over 4 KiB pages, median of the pairs' ratios: %.3fx\n",
                median(ratios));
}

}  // namespace depthstyle::bench
