#pragma once

#include <string>

namespace depthstyle::bench {

// "AMD EPYC, 2 logical processors; avx2 fma avx512f ... avx512_bf16": the
// model name and the vector instruction sets from /proc/cpuinfo that decide
// which oneDNN kernels run.
std::string processorReport();

}  // namespace depthstyle::bench
