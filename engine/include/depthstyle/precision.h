#pragma once

#include <optional>
#include <string>

namespace depthstyle {

// Arithmetic of the decoder. The encoders, AdaIN and the blend always run in
// float32: their results are cached and feed every later decode. bfloat16
// decoding is an opt-in fast mode, faster on some processors and not on
// others (decoder_speed.h measures it on the machine at hand);
// tools/benchmark.sh reports its PSNR against float32.
enum class Precision { Float32, BFloat16 };

// "fp32" / "bf16", as the command line, the sidecar and PNG metadata spell it.
const char* precisionName(Precision precision);
std::optional<Precision> precisionFromName(const std::string& name);

// Whether this CPU computes bfloat16 natively (AVX512-BF16). Elsewhere the
// bf16 mode still gives the same kind of result, emulated and slower.
bool cpuHasNativeBFloat16();

}  // namespace depthstyle
