#include "cli_times.h"

#include <algorithm>

#include "child_process.h"

namespace depthstyle::bench {

CliTimes timeCli(const std::vector<std::string>& arguments, Precision decoderPrecision,
                 int repeats) {
    std::vector<std::string> one = arguments;
    one.insert(one.end(), {"--decoder-precision", precisionName(decoderPrecision)});
    std::vector<std::string> five = one;
    five.insert(five.end(), {"--sweep-beta", "5,10,20,40,80"});
    CliTimes times;
    for (int r = 0; r < repeats; ++r) {
        const ChildRun single = runMeasured(one);
        const ChildRun sweep = runMeasured(five);
        if (single.exitCode != 0 || sweep.exitCode != 0) {
            return times;
        }
        times.whole.push_back(single.seconds);
        times.sweep5.push_back(sweep.seconds);
        times.peak.push_back(single.peakMb);
    }
    times.ok = true;
    return times;
}

double median(std::vector<double> values) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace depthstyle::bench
