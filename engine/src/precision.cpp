#include "depthstyle/precision.h"

namespace depthstyle {

const char* precisionName(Precision precision) {
    return precision == Precision::BFloat16 ? "bf16" : "fp32";
}

std::optional<Precision> precisionFromName(const std::string& name) {
    if (name == "fp32") {
        return Precision::Float32;
    }
    if (name == "bf16") {
        return Precision::BFloat16;
    }
    return std::nullopt;
}

bool cpuHasNativeBFloat16() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") != 0;
#else
    return false;
#endif
}

}  // namespace depthstyle
