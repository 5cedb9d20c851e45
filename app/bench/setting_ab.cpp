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

SettingComparison compareSetting(const std::vector<std::string>& argv, const std::string& variable,
                                 const std::string& first, const std::string& second, int pairs) {
    SettingComparison comparison{variable, first, second, {}, {}, true};
    for (int pair = 0; pair < pairs && comparison.ok; ++pair) {
        // Every other pair starts with the second value, so that a run's
        // place in its pair favours neither.
        const bool secondFirst = pair % 2 == 1;
        double seconds[2] = {0.0, 0.0};
        for (const bool isSecond : {secondFirst, !secondFirst}) {
            // The child inherits the environment (one child at a time).
            setenv(variable.c_str(), (isSecond ? second : first).c_str(), 1);
            const ChildRun run = runMeasured(argv);
            comparison.ok = comparison.ok && run.exitCode == 0;
            seconds[isSecond ? 1 : 0] = run.seconds;
        }
        comparison.firstSeconds.push_back(seconds[0]);
        comparison.secondSeconds.push_back(seconds[1]);
        // Each pair as it ends: a run cut short keeps what it measured.
        std::printf("- pair %d: %.3f s with %s=%s, %.3f s with %s\n", pair + 1, seconds[0],
                    variable.c_str(), first.c_str(), seconds[1], second.c_str());
        std::fflush(stdout);
    }
    unsetenv(variable.c_str());
    return comparison;
}

void printSettingComparison(const SettingComparison& comparison, const std::string& firstLabel,
                            const std::string& secondLabel) {
    if (!comparison.ok) {
        std::printf("- a run failed: no comparison\n");
        return;
    }
    printSeconds("whole run, " + firstLabel, comparison.firstSeconds);
    printSeconds("whole run, " + secondLabel, comparison.secondSeconds);
    std::vector<double> ratios;
    for (size_t i = 0; i < comparison.secondSeconds.size(); ++i) {
        ratios.push_back(comparison.secondSeconds[i] / comparison.firstSeconds[i]);
    }
    std::printf("- %s over %s, median of the pairs' ratios: %.3fx\n", secondLabel.c_str(),
                firstLabel.c_str(), median(ratios));
}

}  // namespace depthstyle::bench
