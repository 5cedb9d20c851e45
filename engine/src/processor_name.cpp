#include "depthstyle/processor_name.h"

#include <algorithm>
#include <fstream>

#include "depthstyle/precision.h"

namespace depthstyle {

std::string processorName() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string name = "unknown processor";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            if (colon != std::string::npos) {
                name = line.substr(line.find_first_not_of(" \t", colon + 1));
            }
            break;
        }
    }
    std::replace(name.begin(), name.end(), '\t', ' ');
    return cpuHasNativeBFloat16() ? name + " +bf16" : name;
}

}  // namespace depthstyle
