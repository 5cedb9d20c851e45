#include "processor_report.h"

#include <fstream>
#include <set>
#include <sstream>

namespace depthstyle::bench {

std::string processorReport() {
    static const char* const kSets[] = {"sse4_2",      "avx",         "avx2",     "fma",
                                        "avx512f",     "avx512bw",    "avx512vl", "avx512_vnni",
                                        "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16",
                                        "amx_int8",    "avx_vnni"};
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string model = "unknown processor";
    std::set<std::string> flags;
    int processors = 0;
    while (std::getline(cpuinfo, line)) {
        const std::string value =
            line.substr(line.find(':') == std::string::npos ? line.size() : line.find(':') + 1);
        if (line.rfind("processor", 0) == 0) {
            ++processors;
        } else if (line.rfind("model name", 0) == 0) {
            model = value.substr(value.find_first_not_of(' ') == std::string::npos
                                     ? 0
                                     : value.find_first_not_of(' '));
        } else if (line.rfind("flags", 0) == 0 && flags.empty()) {
            std::istringstream words(value);
            std::string word;
            while (words >> word) {
                flags.insert(word);
            }
        }
    }
    std::string report = model + ", " + std::to_string(processors) + " logical processors;";
    for (const char* set : kSets) {
        if (flags.count(set) != 0) {
            report += std::string(" ") + set;
        }
    }
    return report;
}

}  // namespace depthstyle::bench
