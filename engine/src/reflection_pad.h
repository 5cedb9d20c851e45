#pragma once

#include <cstdint>

#include "pad_counts.h"
#include "torch_fwd.h"

namespace depthstyle {

// ReflectionPad2d(1) for a stripe of rows of an NCHW tensor, given as the
// rows `kept` from the stripe before (may be undefined or empty) followed by
// `fresh` rows: the left and right columns are always reflected; the top
// (bottom) row only when the stripe starts (ends) at the image border,
// otherwise the stripe already holds its true neighbour row. Channels-last
// kept. When `freshInMargins` and `fresh` is the rows of a MarginRows, the
// pad is made in that buffer: only `kept` and the margins are written (the
// rows are not copied). Otherwise one allocation and one copy.
at::Tensor reflectionPadRows(const at::Tensor& kept, const at::Tensor& fresh, bool top, bool bottom,
                             bool freshInMargins);

// Rows of one picture (N = 1, channels-last) in a buffer with reflection
// margins: a column on each side and kMarginRowsAbove rows above and one
// below, where the next reflection pad puts the kept rows and the reflected
// ones. A convolution writes `written` (the rows at full width, two columns
// wider than `rows`: its outer columns are overwritten by the pad); the next
// ops see `rows`.
constexpr int64_t kMarginRowsAbove = 2;
struct MarginRows {
    at::Tensor written;
    at::Tensor rows;
};
// Uninitialised, of `like`'s type: `channels` x `height` x `width` rows.
MarginRows emptyMarginRows(const at::Tensor& like, int64_t channels, int64_t height, int64_t width);

// Rows [skip, skip + rows) of `in` (one picture) upsampled x2, nearest, as
// the rows of a MarginRows: at::upsample_nearest2d's values, written
// straight into the buffer.
at::Tensor upsampleIntoMargins(const at::Tensor& in, int64_t skip, int64_t rows);

}  // namespace depthstyle
