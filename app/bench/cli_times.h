#pragma once

#include <string>
#include <vector>

#include "depthstyle/precision.h"

namespace depthstyle::bench {

// Whole depthstyle-cli runs, `repeats` times each: one render, and a
// --sweep-beta of five values (their difference / 4 is a re-decode).
struct CliTimes {
    bool ok = false;
    std::vector<double> whole;   // seconds, process start to file written
    std::vector<double> sweep5;  // seconds
    std::vector<double> peak;    // MB, of the single render
};

CliTimes timeCli(const std::vector<std::string>& arguments, Precision decoderPrecision,
                 int repeats);

double median(std::vector<double> values);

}  // namespace depthstyle::bench
