#include "conv_stack.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <mutex>

#include "depthstyle/run_trace.h"
#include "depthstyle/tiling.h"

#include "packed_conv.h"
#include "reflection_pad.h"
#include "state_dict.h"

namespace depthstyle {
namespace {

// Tensors between segments larger than this many stripe budgets are not
// kept whole (240 MiB by default).
constexpr double kMaterializeStripes = 10.0;

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

// Every convolution, with its weights and biases in one scalar type.
using Convolutions = std::vector<PackedConvolution>;

}  // namespace

struct ConvStack::Layers {
    std::vector<ConvSpec> specs;
    Convolutions float32;
    Convolutions bfloat16;  // converted from float32 on first use, once for every thread
    std::once_flag bfloat16Made;
    std::atomic<bool> hasBfloat16{false};
    std::vector<Op> ops;
    std::vector<Segment> segments;

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
                                  specs[i].after != AfterConv::Nothing);
            }
            bfloat16 = std::move(made);
            hasBfloat16 = true;
        });
        return bfloat16;
    }
};

namespace {

// Rows [a, b) of an op's output: `kept` rows carried over from the stripe
// before (undefined when none), then `fresh` rows computed for this stripe.
struct RowPieces {
    at::Tensor kept;
    at::Tensor fresh;

    static int64_t count(const at::Tensor& t) { return t.defined() ? t.size(2) : 0; }
    int64_t rows() const { return count(kept) + count(fresh); }
    at::Tensor joined() const {
        if (count(kept) == 0) {
            return fresh;
        }
        if (count(fresh) == 0) {
            return kept;
        }
        at::Tensor out = at::empty({fresh.size(0), fresh.size(1), rows(), fresh.size(3)},
                                   fresh.options().memory_format(at::MemoryFormat::ChannelsLast));
        out.narrow(2, 0, count(kept)).copy_(kept);
        out.narrow(2, count(kept), count(fresh)).copy_(fresh);
        return out;
    }
};

// The last rows an op computed, kept for the next stripe: a 3x3 convolution
// needs two rows of the stripe before, an upsampling at most one.
constexpr int64_t kCarriedRows = 2;

struct CarriedRows {
    int64_t start = 0;  // output row of the first carried row
    at::Tensor rows;

    int64_t end() const { return rows.defined() ? start + rows.size(2) : start; }
};

// Runs one segment on stripes of rows, top to bottom. A stripe of output
// rows [a, b) of op `end - 1` pulls exactly the rows it needs from the op
// before (a halo of true neighbours; reflection only at the real top and
// bottom), so stripes give the same values as the whole image. Rows that
// the stripe before already computed are carried over, not recomputed, so
// stripes cost no extra arithmetic however many layers a segment has.
class SegmentRunner {
public:
    // With `needs`, it only plans (on meta tensors: no memory, no
    // arithmetic): each convolution notes the input size it is given and
    // returns an output of the right size.
    SegmentRunner(const ConvStack::Layers& layers, const Convolutions& convolutions,
                  const Segment& segment, const InputRows& input, double elementBytes,
                  std::vector<ConvStack::KernelNeed>* needs)
        : layers_(layers),
          convolutions_(convolutions),
          segment_(segment),
          input_(input),
          elementBytes_(elementBytes),
          needs_(needs),
          carried_(segment.end - segment.first) {
        int64_t h = input.height;
        for (size_t i = segment.first; i < segment.end; ++i) {
            heights_.push_back(h);
            const OpKind kind = layers.ops[i].kind;
            h = kind == OpKind::Pool ? (h + 1) / 2 : kind == OpKind::Upsample ? h * 2 : h;
        }
        outputHeight_ = h;
    }

    int64_t outputHeight() const { return outputHeight_; }

    // Output rows per stripe so that the widest intermediate fits the budget.
    int64_t stripeRows() const {
        // Rows of each op's output per output row of the segment, walking
        // back from the end: a pool needs two input rows per output row, an
        // upsampling half of one.
        std::vector<double> rowsPerOutputRow(segment_.end - segment_.first, 1.0);
        double factor = 1.0;
        for (size_t i = segment_.end; i-- > segment_.first;) {
            rowsPerOutputRow[i - segment_.first] = factor;
            const OpKind kind = layers_.ops[i].kind;
            factor *= kind == OpKind::Pool ? 2.0 : kind == OpKind::Upsample ? 0.5 : 1.0;
        }
        double bytesPerRow = 0.0;
        int64_t width = input_.width;
        int64_t channels = input_.channels;
        for (size_t i = segment_.first; i < segment_.end; ++i) {
            const Op& op = layers_.ops[i];
            if (op.kind == OpKind::Conv) {
                channels = layers_.specs[op.conv].outChannels;
            } else {
                width = op.kind == OpKind::Pool ? (width + 1) / 2 : width * 2;
            }
            // input, padded copy and output of a convolution live together
            bytesPerRow =
                std::max(bytesPerRow, 3.0 * elementBytes_ * static_cast<double>(channels) *
                                          static_cast<double>(width + 2) *
                                          rowsPerOutputRow[i - segment_.first]);
        }
        // At least 8 rows keep the convolutions efficient, unless 8 rows would
        // take more than four budgets (a wide photo: at 7744 pixels across,
        // 8 rows of the full-size layers are 400 MB); then as few as 2.
        const double budget = stripeBudgetBytes();
        const auto rows = static_cast<int64_t>(budget / std::max(1.0, bytesPerRow));
        const auto affordable = static_cast<int64_t>(4.0 * budget / std::max(1.0, bytesPerRow));
        const int64_t least = std::clamp<int64_t>(affordable, 2, 8);
        return std::clamp<int64_t>(rows, least, std::max<int64_t>(outputHeight_, least));
    }

    // Output rows [a, b) of op `end - 1` of the segment. Requests to each op
    // move down the image (a and b never decrease), as stripes do.
    RowPieces rows(size_t end, int64_t a, int64_t b) {
        if (end == segment_.first) {
            return {at::Tensor(), input_.rows(a, b)};
        }
        CarriedRows& carried = carried_[end - 1 - segment_.first];
        RowPieces out;
        int64_t from = a;
        if (carried.rows.defined() && a >= carried.start && a < carried.end()) {
            const int64_t keptEnd = std::min(b, carried.end());
            out.kept = carried.rows.narrow(2, a - carried.start, keptEnd - a);
            from = keptEnd;
        }
        if (from < b) {
            out.fresh = compute(end - 1, from, b);
        }
        const int64_t carry = std::min(kCarriedRows, b - a);
        carried.start = b - carry;
        carried.rows = RowPieces::count(out.fresh) >= carry
                           ? out.fresh.narrow(2, out.fresh.size(2) - carry, carry).clone()
                           : out.joined().narrow(2, b - a - carry, carry).clone();
        return out;
    }

private:
    // Rows [a, b) of the output of op `index`, computed from the op before.
    at::Tensor compute(size_t index, int64_t a, int64_t b) {
        const Op& op = layers_.ops[index];
        const int64_t inHeight = heights_[index - segment_.first];
        switch (op.kind) {
            case OpKind::Pool: {
                const at::Tensor in = rows(index, 2 * a, std::min(2 * b, inHeight)).joined();
                return at::max_pool2d(in, {2, 2}, {2, 2}, {0, 0}, {1, 1}, /*ceil_mode=*/true);
            }
            case OpKind::Upsample: {
                const int64_t ia = a / 2;
                const at::Tensor in = rows(index, ia, (b + 1) / 2).joined();
                const at::Tensor up = at::upsample_nearest2d(in, {in.size(2) * 2, in.size(3) * 2})
                                          .contiguous(at::MemoryFormat::ChannelsLast);
                return up.narrow(2, a - 2 * ia, b - a);
            }
            case OpKind::Conv:
                break;
        }
        const ConvSpec& spec = layers_.specs[op.conv];
        at::Tensor x;
        if (spec.kernel == 3) {
            const RowPieces in =
                rows(index, std::max<int64_t>(0, a - 1), std::min(inHeight, b + 1));
            x = reflectionPadRows(in.kept, in.fresh, a == 0, b == inHeight);
        } else {
            x = rows(index, a, b).joined();
        }
        if (needs_ != nullptr) {
            needs_->push_back({op.conv, x.sizes().vec()});
            return at::empty({x.size(0), spec.outChannels, x.size(2) - spec.kernel + 1,
                              x.size(3) - spec.kernel + 1},
                             x.options().memory_format(at::MemoryFormat::ChannelsLast));
        }
        return convolutions_[op.conv](x);
    }

    const ConvStack::Layers& layers_;
    const Convolutions& convolutions_;
    const Segment& segment_;
    const InputRows& input_;
    double elementBytes_;
    std::vector<ConvStack::KernelNeed>* needs_;
    std::vector<int64_t> heights_;  // input height of each op of the segment
    std::vector<CarriedRows> carried_;
    int64_t outputHeight_ = 0;
};

// Joins consecutive segments whose output would be larger than
// kMaterializeStripes stripe budgets: such a tensor is never held whole, its
// rows stream through the stripes of the joined segment instead.
std::vector<Segment> groupSegments(const ConvStack::Layers& layers, const InputRows& input,
                                   double elementBytes) {
    std::vector<Segment> groups;
    bool open = false;
    auto channels = static_cast<double>(input.channels);
    auto height = static_cast<double>(input.height);
    auto width = static_cast<double>(input.width);
    for (const Segment& segment : layers.segments) {
        if (open) {
            groups.back().end = segment.end;
        } else {
            groups.push_back(segment);
        }
        for (size_t i = segment.first; i < segment.end; ++i) {
            const Op& op = layers.ops[i];
            if (op.kind == OpKind::Conv) {
                channels = layers.specs[op.conv].outChannels;
            } else {
                const double scale = op.kind == OpKind::Pool ? 0.5 : 2.0;
                height = std::ceil(height * scale);
                width = std::ceil(width * scale);
            }
        }
        open = elementBytes * channels * height * width > kMaterializeStripes * stripeBudgetBytes();
    }
    return groups;
}

}  // namespace

ConvStack::ConvStack(std::unique_ptr<Layers> layers) : layers_(std::move(layers)) {}
ConvStack::ConvStack(ConvStack&&) noexcept = default;
ConvStack& ConvStack::operator=(ConvStack&&) noexcept = default;
ConvStack::~ConvStack() = default;

ConvStack ConvStack::load(const std::string& path, const std::vector<ConvSpec>& layout) {
    const std::vector<at::Tensor> tensors = loadLayoutTensors(path, layout);
    auto layers = std::make_unique<Layers>();
    layers->specs = layout;
    size_t segmentStart = 0;
    for (size_t i = 0; i < layout.size(); ++i) {
        // Segments end after a pool and begin with an upsampling, so that
        // the tensors kept whole between segments are the small ones.
        const AfterConv after = layout[i].after;
        layers->float32.emplace_back(tensors[2 * i].contiguous(at::MemoryFormat::ChannelsLast),
                                     tensors[2 * i + 1], after != AfterConv::Nothing);
        const bool upsampleBefore = i > 0 && layout[i - 1].after == AfterConv::ReluUpsample;
        if (upsampleBefore) {
            if (segmentStart < layers->ops.size()) {
                layers->segments.push_back({segmentStart, layers->ops.size()});
            }
            segmentStart = layers->ops.size();
            layers->ops.push_back({OpKind::Upsample, 0});
        }
        layers->ops.push_back({OpKind::Conv, i});
        if (after == AfterConv::ReluMaxPool) {
            layers->ops.push_back({OpKind::Pool, 0});
            layers->segments.push_back({segmentStart, layers->ops.size()});
            segmentStart = layers->ops.size();
        }
    }
    if (segmentStart < layers->ops.size()) {
        layers->segments.push_back({segmentStart, layers->ops.size()});
    }
    return ConvStack(std::move(layers));
}

namespace {

// A whole tensor as rows.
InputRows rowsOf(const at::Tensor& x) {
    return {x.size(1), x.size(2), x.size(3),
            [&x](int64_t a, int64_t b) { return x.narrow(2, a, b - a); }, nullptr};
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
    return run(input, stage, progress, precision, into, nullptr);
}

std::vector<ConvStack::KernelNeed> ConvStack::kernelNeeds(const std::vector<int64_t>& sizes,
                                                          Precision precision,
                                                          std::vector<int64_t>* outputSizes) const {
    at::NoGradGuard noGrad;
    const trace::Muted muted;  // not the run's stages
    const at::Tensor input = at::empty(sizes, at::TensorOptions().device(at::kMeta));
    std::vector<KernelNeed> needs;
    const at::Tensor output =
        run(rowsOf(input), Stage::ContentEncoding, Progress{}, precision, at::Tensor(), &needs);
    if (outputSizes != nullptr) {
        *outputSizes = output.sizes().vec();
    }
    // Each size once, in the order the run meets them.
    std::vector<KernelNeed> unique;
    appendNew(unique, needs);
    return unique;
}

void ConvStack::appendNew(std::vector<KernelNeed>& to, const std::vector<KernelNeed>& from) {
    for (const KernelNeed& need : from) {
        if (std::find(to.begin(), to.end(), need) == to.end()) {
            to.push_back(need);
        }
    }
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
                          Precision precision, const at::Tensor& into,
                          std::vector<KernelNeed>* needs) const {
    at::NoGradGuard noGrad;
    const Convolutions& convolutions = layers_->convolutionsFor(precision);
    const at::ScalarType type = precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    const double elementBytes = type == at::kBFloat16 ? 2.0 : 4.0;
    // The first segment reads the rows given, in the working type; each
    // later one the tensor the one before left.
    const InputRows first{
        input.channels, input.height, input.width,
        [&input, type](int64_t a, int64_t b) {
            return input.rows(a, b).to(type).contiguous(at::MemoryFormat::ChannelsLast);
        },
        nullptr};
    const auto total = static_cast<double>(layers_->ops.size());
    progress.step(stage, 0.0);
    at::Tensor x;
    const std::vector<Segment> segments = groupSegments(*layers_, input, elementBytes);
    for (const Segment& segment : segments) {
        const InputRows rows = x.defined() ? rowsOf(x) : first;
        SegmentRunner runner(*layers_, convolutions, segment, rows, elementBytes, needs);
        const int64_t height = runner.outputHeight();
        const int64_t stripe = runner.stripeRows();
        const bool last = &segment == &segments.back();
        at::Tensor y = last ? into : at::Tensor();
        for (int64_t a = 0; a < height; a += stripe) {
            const int64_t b = std::min(height, a + stripe);
            at::Tensor part = runner.rows(segment.end, a, b).joined();
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
