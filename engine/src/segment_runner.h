#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "depthstyle/tiling.h"
#include "stack_plan.h"

namespace depthstyle {

// Rows [a, b) of an image given on request (a stripe's input).
template <class Rows>
struct RowSource {
    int64_t channels = 0;
    int64_t height = 0;
    int64_t width = 0;
    std::function<Rows(int64_t a, int64_t b)> rows;
};

// Runs one segment of a stack on stripes of rows, top to bottom. A stripe of
// output rows [a, b) of op `end - 1` pulls exactly the rows it needs from
// the op before (a halo of true neighbours; reflection only at the real top
// and bottom), so stripes give the same values as the whole image. Rows that
// the stripe before already computed are carried over, not recomputed, so
// stripes cost no extra arithmetic however many layers a segment has.
//
// The same logic runs on tensors (conv_stack.cpp) and on shapes alone
// (stack_plan.cpp, which lists the kernels a run makes). `Backend` holds the
// rows' type and what is done to them:
//   using Rows;                      (a default-constructed Rows has no rows)
//   static int64_t count(const Rows&);
//   Rows narrow(const Rows&, int64_t start, int64_t length) const;
//   Rows keep(const Rows&) const;    (a copy that outlives the stripe)
//   Rows join(const Rows& upper, const Rows& lower) const;
//   Rows pool(const Rows&) const;    (2x2 max pooling, ceil mode)
//   Rows upsample(const Rows&, int64_t skip, int64_t rows) const;
//                                    (nearest x2, then `rows` rows from `skip`)
//   Rows pad(const Rows& kept, const Rows& fresh, bool top, bool bottom) const;
//   Rows convolve(size_t convolution, const Rows& padded) const;
template <class Backend>
class SegmentRunner {
public:
    using Rows = typename Backend::Rows;

    // Rows [a, b) of an op's output: `kept` rows carried over from the
    // stripe before (none when empty), then `fresh` rows computed for it.
    struct Pieces {
        Rows kept;
        Rows fresh;

        int64_t rows() const { return Backend::count(kept) + Backend::count(fresh); }
        Rows joined(const Backend& backend) const {
            if (Backend::count(kept) == 0) {
                return fresh;
            }
            if (Backend::count(fresh) == 0) {
                return kept;
            }
            return backend.join(kept, fresh);
        }
    };

    SegmentRunner(const StackPlan& plan, const Backend& backend, const Segment& segment,
                  const RowSource<Rows>& input, double elementBytes)
        : plan_(plan),
          backend_(backend),
          segment_(segment),
          input_(input),
          elementBytes_(elementBytes),
          carried_(segment.end - segment.first) {
        int64_t h = input.height;
        for (size_t i = segment.first; i < segment.end; ++i) {
            heights_.push_back(h);
            const OpKind kind = plan.ops[i].kind;
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
            const OpKind kind = plan_.ops[i].kind;
            factor *= kind == OpKind::Pool ? 2.0 : kind == OpKind::Upsample ? 0.5 : 1.0;
        }
        double bytesPerRow = 0.0;
        int64_t width = input_.width;
        int64_t channels = input_.channels;
        for (size_t i = segment_.first; i < segment_.end; ++i) {
            const Op& op = plan_.ops[i];
            if (op.kind == OpKind::Conv) {
                channels = plan_.specs[op.conv].outChannels;
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
    Pieces rows(size_t end, int64_t a, int64_t b) {
        if (end == segment_.first) {
            return {Rows(), input_.rows(a, b)};
        }
        Carried& carried = carried_[end - 1 - segment_.first];
        Pieces out;
        int64_t from = a;
        if (a >= carried.start && a < carried.end()) {
            const int64_t keptEnd = std::min(b, carried.end());
            out.kept = backend_.narrow(carried.rows, a - carried.start, keptEnd - a);
            from = keptEnd;
        }
        if (from < b) {
            out.fresh = compute(end - 1, from, b);
        }
        const int64_t carry = std::min(kCarriedRows, b - a);
        const int64_t freshRows = Backend::count(out.fresh);
        carried.start = b - carry;
        carried.rows =
            freshRows >= carry
                ? backend_.keep(backend_.narrow(out.fresh, freshRows - carry, carry))
                : backend_.keep(backend_.narrow(out.joined(backend_), b - a - carry, carry));
        return out;
    }

private:
    // The last rows an op computed, kept for the next stripe: a 3x3
    // convolution needs two rows of the stripe before, an upsampling at most
    // one.
    static constexpr int64_t kCarriedRows = 2;

    struct Carried {
        int64_t start = 0;  // output row of the first carried row
        Rows rows;

        int64_t end() const { return start + Backend::count(rows); }
    };

    // Rows [a, b) of the output of op `index`, computed from the op before.
    Rows compute(size_t index, int64_t a, int64_t b) {
        const Op& op = plan_.ops[index];
        const int64_t inHeight = heights_[index - segment_.first];
        switch (op.kind) {
            case OpKind::Pool:
                return backend_.pool(
                    rows(index, 2 * a, std::min(2 * b, inHeight)).joined(backend_));
            case OpKind::Upsample: {
                const int64_t ia = a / 2;
                return backend_.upsample(rows(index, ia, (b + 1) / 2).joined(backend_), a - 2 * ia,
                                         b - a);
            }
            case OpKind::Conv:
                break;
        }
        if (plan_.specs[op.conv].kernel == 3) {
            const Pieces in = rows(index, std::max<int64_t>(0, a - 1), std::min(inHeight, b + 1));
            return backend_.convolve(op.conv,
                                     backend_.pad(in.kept, in.fresh, a == 0, b == inHeight));
        }
        return backend_.convolve(op.conv, rows(index, a, b).joined(backend_));
    }

    const StackPlan& plan_;
    const Backend& backend_;
    const Segment& segment_;
    const RowSource<Rows>& input_;
    double elementBytes_;
    std::vector<int64_t> heights_;  // input height of each op of the segment
    std::vector<Carried> carried_;
    int64_t outputHeight_ = 0;
};

}  // namespace depthstyle
