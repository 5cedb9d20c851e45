#include "huge_pages_ab.h"

#include <cstdio>
#include <cstdlib>

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

}  // namespace

HugePagesComparison compareHugePages(const std::vector<std::string>& argv, int pairs) {
    HugePagesComparison comparison;
    comparison.ok = true;
    for (int pair = 0; pair < pairs && comparison.ok; ++pair) {
        for (const bool huge : {false, true}) {
            // The child inherits the environment (the benchmark runs one
            // child at a time).
            setenv("DEPTHSTYLE_HUGE_PAGES", huge ? "1" : "0", 1);
            const ChildRun run = runMeasured(argv);
            comparison.ok = comparison.ok && run.exitCode == 0;
            (huge ? comparison.with : comparison.without).push_back(run.seconds);
        }
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
