#include "stack_plan.h"

#include <algorithm>
#include <cmath>

#include "depthstyle/tiling.h"
#include "segment_runner.h"

namespace depthstyle {
namespace {

// Rows as a shape alone: N x C x rows x W.
struct Shape {
    int64_t n = 0;
    int64_t c = 0;
    int64_t h = 0;
    int64_t w = 0;
};

// SegmentRunner's backend for planning: each convolution notes the input
// size it is given and returns an output of the right size.
class ShapeBackend {
public:
    using Rows = Shape;

    ShapeBackend(const StackPlan& plan, std::vector<KernelNeed>& needs)
        : plan_(plan), needs_(needs) {}

    static int64_t count(const Rows& r) { return r.h; }
    Rows narrow(const Rows& r, int64_t /*start*/, int64_t length) const {
        return {r.n, r.c, length, r.w};
    }
    Rows keep(const Rows& r) const { return r; }
    Rows join(const Rows& upper, const Rows& lower) const {
        return {lower.n, lower.c, upper.h + lower.h, lower.w};
    }
    Rows pool(const Rows& r) const { return {r.n, r.c, (r.h + 1) / 2, (r.w + 1) / 2}; }
    Rows upsample(const Rows& r, int64_t /*skip*/, int64_t rows) const {
        return {r.n, r.c, rows, 2 * r.w};
    }
    Rows pad(const Rows& kept, const Rows& fresh, bool top, bool bottom) const {
        const Rows& any = fresh.h > 0 ? fresh : kept;
        return {any.n, any.c, kept.h + fresh.h + (top ? 1 : 0) + (bottom ? 1 : 0), any.w + 2};
    }
    Rows convolve(size_t convolution, const Rows& x) const {
        needs_.push_back({convolution, {x.n, x.c, x.h, x.w}});
        const ConvSpec& spec = plan_.specs[convolution];
        return {x.n, spec.outChannels, x.h - spec.kernel + 1, x.w - spec.kernel + 1};
    }

private:
    const StackPlan& plan_;
    std::vector<KernelNeed>& needs_;
};

}  // namespace

StackPlan StackPlan::of(const std::vector<ConvSpec>& layout) {
    StackPlan plan;
    plan.specs = layout;
    size_t segmentStart = 0;
    for (size_t i = 0; i < layout.size(); ++i) {
        const bool upsampleBefore = i > 0 && layout[i - 1].after == AfterConv::ReluUpsample;
        if (upsampleBefore) {
            if (segmentStart < plan.ops.size()) {
                plan.segments.push_back({segmentStart, plan.ops.size()});
            }
            segmentStart = plan.ops.size();
            plan.ops.push_back({OpKind::Upsample, 0});
        }
        plan.ops.push_back({OpKind::Conv, i});
        if (layout[i].after == AfterConv::ReluMaxPool) {
            plan.ops.push_back({OpKind::Pool, 0});
            plan.segments.push_back({segmentStart, plan.ops.size()});
            segmentStart = plan.ops.size();
        }
    }
    if (segmentStart < plan.ops.size()) {
        plan.segments.push_back({segmentStart, plan.ops.size()});
    }
    return plan;
}

std::vector<Segment> groupSegments(const StackPlan& plan, int64_t channels, int64_t height,
                                   int64_t width, double elementBytes) {
    std::vector<Segment> groups;
    bool open = false;
    auto c = static_cast<double>(channels);
    auto h = static_cast<double>(height);
    auto w = static_cast<double>(width);
    for (const Segment& segment : plan.segments) {
        if (open) {
            groups.back().end = segment.end;
        } else {
            groups.push_back(segment);
        }
        for (size_t i = segment.first; i < segment.end; ++i) {
            const Op& op = plan.ops[i];
            if (op.kind == OpKind::Conv) {
                c = plan.specs[op.conv].outChannels;
            } else {
                const double scale = op.kind == OpKind::Pool ? 0.5 : 2.0;
                h = std::ceil(h * scale);
                w = std::ceil(w * scale);
            }
        }
        open = elementBytes * c * h * w > kMaterializeStripes * stripeBudgetBytes();
    }
    return groups;
}

std::vector<KernelNeed> planKernels(const StackPlan& plan, const std::vector<int64_t>& sizes,
                                    double elementBytes, std::vector<int64_t>* outputSizes) {
    std::vector<KernelNeed> needs;
    const ShapeBackend backend(plan, needs);
    Shape x{sizes.at(0), sizes.at(1), sizes.at(2), sizes.at(3)};
    for (const Segment& segment : groupSegments(plan, x.c, x.h, x.w, elementBytes)) {
        const RowSource<Shape> source{x.c, x.h, x.w, [x](int64_t a, int64_t b) {
                                          return Shape{x.n, x.c, b - a, x.w};
                                      }};
        SegmentRunner<ShapeBackend> runner(plan, backend, segment, source, elementBytes);
        const int64_t height = runner.outputHeight();
        const int64_t stripe = runner.stripeRows();
        Shape part;
        for (int64_t a = 0; a < height; a += stripe) {
            part = runner.rows(segment.end, a, std::min(height, a + stripe)).joined(backend);
        }
        x = {part.n, part.c, height, part.w};
    }
    if (outputSizes != nullptr) {
        *outputSizes = {x.n, x.c, x.h, x.w};
    }
    std::vector<KernelNeed> unique;
    appendNewNeeds(unique, needs);
    return unique;
}

void appendNewNeeds(std::vector<KernelNeed>& to, const std::vector<KernelNeed>& from) {
    for (const KernelNeed& need : from) {
        if (std::find(to.begin(), to.end(), need) == to.end()) {
            to.push_back(need);
        }
    }
}

RenderKernelNeeds planRenderKernels(const StackPlan& encoder, const StackPlan& decoder,
                                    const std::vector<int64_t>& content,
                                    const std::vector<int64_t>& contentFeatures,
                                    const std::vector<std::vector<int64_t>>& styles,
                                    Precision decoderPrecision) {
    RenderKernelNeeds needs;
    needs.features = contentFeatures;
    if (!content.empty()) {
        // The content is encoded first: its kernels first.
        appendNewNeeds(needs.encoder, planKernels(encoder, content, 4.0, &needs.features));
    }
    for (const std::vector<int64_t>& style : styles) {
        appendNewNeeds(needs.encoder, planKernels(encoder, style, 4.0));
    }
    if (!needs.features.empty()) {
        needs.decoder = planKernels(decoder, needs.features,
                                    decoderPrecision == Precision::BFloat16 ? 2.0 : 4.0);
    }
    return needs;
}

}  // namespace depthstyle
