#pragma once

#include <cstdint>

namespace depthstyle {

// How many reflection pads (reflection_pad.h) this process made in place
// and how many by copying the rows (tests).
struct PadCounts {
    uint64_t inPlace = 0;
    uint64_t copied = 0;
};
PadCounts reflectionPadCounts();

}  // namespace depthstyle
