#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "conv_stack.h"
#include "depthstyle/precision.h"

namespace depthstyle {

// What a render has still to run, for the set-up work it would do.
struct RenderWork {
    // The content's input size (N, C, H, W) while its features are still to
    // be made; else empty and `contentFeatures` their size.
    std::vector<int64_t> content;
    std::vector<int64_t> contentFeatures;
    std::vector<std::vector<int64_t>> styles;  // input sizes of the styles still to encode
    Precision decoderPrecision = Precision::Float32;
    std::function<void()> loadDepthNetwork;  // empty where no depth network will run
};

// Does ahead of a render the set-up work it would otherwise do one piece at
// a time while the other cores wait: makes every oneDNN kernel its encoder
// and decoder passes will use (about 0.1 s of code generation at 768x512)
// and loads the depth network, on `threads` threads. Failures are left for
// the render to meet and report. Returns the decoder's input size it
// prepared for (empty where it planned no decoding).
std::vector<int64_t> prepareRenderWork(const ConvStack& encoder, const ConvStack& decoder,
                                       const RenderWork& work, int threads);

}  // namespace depthstyle
