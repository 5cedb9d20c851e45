#pragma once

#include <optional>
#include <string>

#include "depthstyle/measurement_turns.h"
#include "depthstyle/models.h"
#include "depthstyle/processor_name.h"

namespace depthstyle {

// How fast the decoder runs in bfloat16 against float32 on this machine.
// The gain depends on the processor (oneDNN's kernels for it), not on a
// fixed factor: measured once per processor, thread count and LibTorch, and
// remembered in the user's cache folder.
struct DecoderSpeed {
    std::string processor;  // the CPU's model name, with "+bf16" when native
    int threads = 0;
    double float32Seconds = 0.0;   // one decode of the probe, median
    double bfloat16Seconds = 0.0;  // the same in bfloat16
    // float32 time / bfloat16 time: above 1, bfloat16 is faster.
    double speedUp() const {
        return bfloat16Seconds > 0.0 ? float32Seconds / bfloat16Seconds : 0.0;
    }
    // Worth recommending: at least 10% faster.
    bool bfloat16Pays() const { return speedUp() >= 1.1; }
};

// Times the decoder on a 32x32-cell probe (a 256x256 picture) in each
// precision: a warm-up, then the median of three. About a second on two
// cores. Each pass waits for its turn between renders (`turns`); throws
// EngineError(Cancelled) when `turns` stops it.
DecoderSpeed measureDecoderSpeed(const Models& models, const MeasurementTurns& turns = {});

// The cache file (in cacheFolder(); empty without a home folder).
std::string decoderSpeedCacheFile();
// The remembered measurement for `processor` and `threads` in `file`; none
// when absent, or when the file is unreadable or damaged (a bad line is
// skipped).
std::optional<DecoderSpeed> rememberedDecoderSpeed(const std::string& file,
                                                   const std::string& processor, int threads);
// Adds or replaces the entry of speed.processor and speed.threads; the file
// is written to a temporary name and renamed. Failures are ignored (the
// cache only saves time).
void rememberDecoderSpeed(const std::string& file, const DecoderSpeed& speed);

// The measurement for this machine: remembered, else measured now (on
// `turns`) and remembered, under the same measuring lock as
// stripeBudgetForThisMachine: measuring alone, a program that waited for
// another reads its result. Throws EngineError(Cancelled) when stopped.
DecoderSpeed decoderSpeed(const Models& models, const MeasurementTurns& turns = {});
// This machine's remembered measurement, if any (a small file read).
std::optional<DecoderSpeed> rememberedDecoderSpeed();

}  // namespace depthstyle
