#include "conv_stack.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>

#include "packed_conv.h"
#include "reflection_pad.h"
#include "segment_runner.h"
#include "stack_plan.h"
#include "state_dict.h"

namespace depthstyle {
namespace {

// Every convolution, with its weights and biases in one scalar type.
using Convolutions = std::vector<PackedConvolution>;

}  // namespace

struct ConvStack::Layers {
    StackPlan plan;
    Convolutions float32;
    Convolutions bfloat16;  // converted from float32 on first use, once for every thread
    std::once_flag bfloat16Made;
    std::atomic<bool> hasBfloat16{false};

    // Thread-safe: sessions on several threads share one stack.
    const Convolutions& convolutionsFor(Precision precision) {
        if (precision == Precision::Float32) {
            return float32;
        }
        std::call_once(bfloat16Made, [this] {
            // Made whole before it is kept: a failure (out of memory) leaves
            // nothing half made for the next try.
            Convolutions made;
            for (size_t i = 0; i < float32.size(); ++i) {
                const PackedConvolution& c = float32[i];
                made.emplace_back(c.weight().to(at::kBFloat16), c.bias().to(at::kBFloat16),
                                  plan.specs[i].after != AfterConv::Nothing);
            }
            bfloat16 = std::move(made);
            hasBfloat16 = true;
        });
        return bfloat16;
    }
};

namespace {

// SegmentRunner's backend on tensors: rows are 1 x C x rows x W tensors in
// channels-last layout.
class TorchBackend {
public:
    using Rows = at::Tensor;

    explicit TorchBackend(const Convolutions& convolutions) : convolutions_(convolutions) {}

    static int64_t count(const Rows& t) { return t.defined() ? t.size(2) : 0; }
    Rows narrow(const Rows& t, int64_t start, int64_t length) const {
        return t.narrow(2, start, length);
    }
    Rows keep(const Rows& t) const { return t.clone(); }
    Rows join(const Rows& upper, const Rows& lower) const {
        at::Tensor out =
            at::empty({lower.size(0), lower.size(1), upper.size(2) + lower.size(2), lower.size(3)},
                      lower.options().memory_format(at::MemoryFormat::ChannelsLast));
        out.narrow(2, 0, upper.size(2)).copy_(upper);
        out.narrow(2, upper.size(2), lower.size(2)).copy_(lower);
        return out;
    }
    Rows pool(const Rows& in) const {
        return at::max_pool2d(in, {2, 2}, {2, 2}, {0, 0}, {1, 1}, /*ceil_mode=*/true);
    }
    Rows upsample(const Rows& in, int64_t skip, int64_t rows) const {
        const at::Tensor up = at::upsample_nearest2d(in, {in.size(2) * 2, in.size(3) * 2})
                                  .contiguous(at::MemoryFormat::ChannelsLast);
        return up.narrow(2, skip, rows);
    }
    Rows pad(const Rows& kept, const Rows& fresh, bool top, bool bottom) const {
        return reflectionPadRows(kept, fresh, top, bottom);
    }
    Rows convolve(size_t convolution, const Rows& x) const { return convolutions_[convolution](x); }

private:
    const Convolutions& convolutions_;
};

}  // namespace

ConvStack::ConvStack(std::unique_ptr<Layers> layers) : layers_(std::move(layers)) {}
ConvStack::ConvStack(ConvStack&&) noexcept = default;
ConvStack& ConvStack::operator=(ConvStack&&) noexcept = default;
ConvStack::~ConvStack() = default;

ConvStack ConvStack::load(const std::string& path, const std::vector<ConvSpec>& layout) {
    const std::vector<at::Tensor> tensors = loadLayoutTensors(path, layout);
    auto layers = std::make_unique<Layers>();
    layers->plan = StackPlan::of(layout);
    for (size_t i = 0; i < layout.size(); ++i) {
        layers->float32.emplace_back(tensors[2 * i].contiguous(at::MemoryFormat::ChannelsLast),
                                     tensors[2 * i + 1], layout[i].after != AfterConv::Nothing);
    }
    return ConvStack(std::move(layers));
}

namespace {

// A whole tensor as rows.
RowSource<at::Tensor> rowsOf(const at::Tensor& x) {
    return {x.size(1), x.size(2), x.size(3),
            [&x](int64_t a, int64_t b) { return x.narrow(2, a, b - a); }};
}

}  // namespace

at::Tensor ConvStack::forward(at::Tensor input, Stage stage, const Progress& progress,
                              Precision precision) const {
    at::NoGradGuard noGrad;
    const at::ScalarType type = precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    // Held here until the first segment is done with it, then freed.
    auto held =
        std::make_shared<at::Tensor>(input.to(type).contiguous(at::MemoryFormat::ChannelsLast));
    input.reset();
    const InputRows rows{held->size(1), held->size(2), held->size(3),
                         [held](int64_t a, int64_t b) { return held->narrow(2, a, b - a); },
                         [held] { held->reset(); }};
    return forward(rows, stage, progress, precision, at::Tensor());
}

at::Tensor ConvStack::forward(const InputRows& input, Stage stage, const Progress& progress,
                              Precision precision, const at::Tensor& into) const {
    return run(input, stage, progress, precision, into);
}

const StackPlan& ConvStack::plan() const {
    return layers_->plan;
}

void ConvStack::prepare(const KernelNeed& need, Precision precision) const {
    layers_->convolutionsFor(precision).at(need.convolution).prepare(need.sizes);
}

size_t ConvStack::kernelCount(Precision precision) const {
    if (precision == Precision::BFloat16 && !layers_->hasBfloat16) {
        return 0;  // not converted yet: counting makes nothing
    }
    size_t count = 0;
    for (const PackedConvolution& c : layers_->convolutionsFor(precision)) {
        count += c.kernelCount();
    }
    return count;
}

at::Tensor ConvStack::run(const InputRows& input, Stage stage, const Progress& progress,
                          Precision precision, const at::Tensor& into) const {
    at::NoGradGuard noGrad;
    const TorchBackend backend(layers_->convolutionsFor(precision));
    const at::ScalarType type = precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    const double elementBytes = type == at::kBFloat16 ? 2.0 : 4.0;
    // The first segment reads the rows given, in the working type; each
    // later one the tensor the one before left.
    const RowSource<at::Tensor> first{
        input.channels, input.height, input.width, [&input, type](int64_t a, int64_t b) {
            return input.rows(a, b).to(type).contiguous(at::MemoryFormat::ChannelsLast);
        }};
    const StackPlan& plan = layers_->plan;
    const auto total = static_cast<double>(plan.ops.size());
    progress.step(stage, 0.0);
    at::Tensor x;
    const std::vector<Segment> segments =
        groupSegments(plan, input.channels, input.height, input.width, elementBytes);
    for (const Segment& segment : segments) {
        const RowSource<at::Tensor> rows = x.defined() ? rowsOf(x) : first;
        SegmentRunner<TorchBackend> runner(plan, backend, segment, rows, elementBytes);
        const int64_t height = runner.outputHeight();
        const int64_t stripe = runner.stripeRows();
        const bool last = &segment == &segments.back();
        at::Tensor y = last ? into : at::Tensor();
        for (int64_t a = 0; a < height; a += stripe) {
            const int64_t b = std::min(height, a + stripe);
            at::Tensor part = runner.rows(segment.end, a, b).joined(backend);
            if (!y.defined() && a == 0 && b == height) {
                y = part;
            } else {
                if (!y.defined()) {
                    y = at::empty({part.size(0), part.size(1), height, part.size(3)},
                                  part.options().memory_format(at::MemoryFormat::ChannelsLast));
                }
                y.narrow(2, a, b - a).copy_(part);
            }
            const double done =
                segment.first + (segment.end - segment.first) * static_cast<double>(b) / height;
            progress.step(stage, done / total);
        }
        if (!x.defined() && input.release) {
            input.release();
        }
        x = y;
    }
    return x.to(at::kFloat);
}

}  // namespace depthstyle
