#pragma once

#include "depthstyle/image.h"

namespace depthstyle {

// How far one result is from another of the same size (the RGB planes;
// alpha is not compared), e.g. a bfloat16 decode from the float32 one.
struct ImageDifference {
    double psnrFloat = 0.0;     // dB, values in [0,1]; infinity when identical
    double psnr8Bit = 0.0;      // dB, after rounding both to 8 bits
    int maxDifference8Bit = 0;  // largest difference of one 8-bit value
};

// Throws EngineError(InvalidArgument) when the sizes differ.
ImageDifference compareImages(const Image& reference, const Image& other);

}  // namespace depthstyle
