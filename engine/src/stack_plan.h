#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "depthstyle/precision.h"
#include "network_layout.h"

namespace depthstyle {

// How a stack of convolutions runs, without its weights: no LibTorch, so
// that a program can plan a run (and have its kernels made) while LibTorch
// still loads.

enum class OpKind { Conv, Pool, Upsample };

struct Op {
    OpKind kind;
    size_t conv = 0;  // index into the convolutions, for Conv
};

// A run of ops ending at a pool or an upsampling (or at the end): computed
// in horizontal stripes, its output then kept whole.
struct Segment {
    size_t first;
    size_t end;
};

// A published layout's ops in order and cut into segments: segments end
// after a pool and begin with an upsampling, so that the tensors kept whole
// between segments are the small ones.
struct StackPlan {
    std::vector<ConvSpec> specs;
    std::vector<Op> ops;
    std::vector<Segment> segments;

    static StackPlan of(const std::vector<ConvSpec>& layout);
};

// Joins consecutive segments whose output would be larger than
// kMaterializeStripes stripe budgets (stripeBudgetBytes()): such a tensor is
// never held whole, its rows stream through the stripes of the joined
// segment instead.
constexpr double kMaterializeStripes = 10.0;
std::vector<Segment> groupSegments(const StackPlan& plan, int64_t channels, int64_t height,
                                   int64_t width, double elementBytes);

// A oneDNN kernel a stack's run makes: for which convolution, and the size
// of its input (N, C, H, W).
struct KernelNeed {
    size_t convolution = 0;
    std::vector<int64_t> sizes;
    bool operator==(const KernelNeed& o) const {
        return convolution == o.convolution && sizes == o.sizes;
    }
};

// The kernels a run of `plan` on an input of `sizes` (N, C, H, W) makes at
// the current stripe budget, each once, in the order the run meets them:
// the run's own stripe logic (segment_runner.h) on shapes alone. `outputSizes`
// receives the size of its result. `elementBytes`: 4 for float32, 2 for
// bfloat16.
std::vector<KernelNeed> planKernels(const StackPlan& plan, const std::vector<int64_t>& sizes,
                                    double elementBytes,
                                    std::vector<int64_t>* outputSizes = nullptr);

// Appends to `to` the needs of `from` it lacks, in order.
void appendNewNeeds(std::vector<KernelNeed>& to, const std::vector<KernelNeed>& from);

// The kernels a render makes, in its order: the encoder's for the content
// (when its input size is given), then those the styles add, then the
// decoder's for the content's features (`contentFeatures`, when the content
// is encoded already) at `decoderPrecision`; the encoder runs in float32.
struct RenderKernelNeeds {
    std::vector<KernelNeed> encoder;
    std::vector<KernelNeed> decoder;
    std::vector<int64_t> features;  // the decoder's input; empty: no decoding
};
RenderKernelNeeds planRenderKernels(const StackPlan& encoder, const StackPlan& decoder,
                                    const std::vector<int64_t>& content,
                                    const std::vector<int64_t>& contentFeatures,
                                    const std::vector<std::vector<int64_t>>& styles,
                                    Precision decoderPrecision);

}  // namespace depthstyle
