#include "setting_ab.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "child_process.h"
#include "cli_times.h"

namespace depthstyle::bench {
namespace {

void printSeconds(const std::string& label, const std::vector<double>& seconds) {
    std::printf("- %s: median %.3f s of", label.c_str(), median(seconds));
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

std::string hugePagesKernelSetting() {
    return "the kernel's transparent huge pages: enabled " + kernelSetting("enabled") +
           "; defrag " + kernelSetting("defrag");
}

RunComparison compareRuns(const RunSide& first, const RunSide& second, int pairs) {
    RunComparison comparison{first.label, second.label, {}, {}, true};
    for (int pair = 0; pair < pairs && comparison.ok; ++pair) {
        // Every other pair starts with the second side, so that a run's
        // place in its pair favours neither.
        const bool secondFirst = pair % 2 == 1;
        double seconds[2] = {0.0, 0.0};
        for (const bool isSecond : {secondFirst, !secondFirst}) {
            const RunSide& side = isSecond ? second : first;
            // The child inherits the environment (one child at a time).
            if (!side.variable.empty()) {
                setenv(side.variable.c_str(), side.value.c_str(), 1);
            }
            const ChildRun run = runMeasured(side.argv);
            if (!side.variable.empty()) {
                unsetenv(side.variable.c_str());
            }
            comparison.ok = comparison.ok && run.exitCode == 0;
            seconds[isSecond ? 1 : 0] = run.seconds;
        }
        comparison.firstSeconds.push_back(seconds[0]);
        comparison.secondSeconds.push_back(seconds[1]);
        // Each pair as it ends: a run cut short keeps what it measured.
        std::printf("- pair %d: %.3f s (%s), %.3f s (%s)\n", pair + 1, seconds[0],
                    first.label.c_str(), seconds[1], second.label.c_str());
        std::fflush(stdout);
    }
    return comparison;
}

RunComparison compareSetting(const std::vector<std::string>& argv, const std::string& variable,
                             const std::string& first, const std::string& second, int pairs,
                             const std::string& firstLabel, const std::string& secondLabel) {
    return compareRuns({firstLabel, argv, variable, first}, {secondLabel, argv, variable, second},
                       pairs);
}

void printRunComparison(const RunComparison& comparison) {
    if (!comparison.ok) {
        std::printf("- a run failed: no comparison\n");
        return;
    }
    printSeconds("whole run, " + comparison.firstLabel, comparison.firstSeconds);
    printSeconds("whole run, " + comparison.secondLabel, comparison.secondSeconds);
    std::vector<double> ratios;
    for (size_t i = 0; i < comparison.secondSeconds.size(); ++i) {
        ratios.push_back(comparison.secondSeconds[i] / comparison.firstSeconds[i]);
    }
    std::printf("- %s over %s, median of the pairs' ratios: %.3fx\n",
                comparison.secondLabel.c_str(), comparison.firstLabel.c_str(), median(ratios));
}

}  // namespace depthstyle::bench
