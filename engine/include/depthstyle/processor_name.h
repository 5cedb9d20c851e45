#pragma once

#include <string>

namespace depthstyle {

// The processor's model name from /proc/cpuinfo, with " +bf16" where it has
// AVX512-BF16: the key of every measurement remembered for this machine.
std::string processorName();

}  // namespace depthstyle
