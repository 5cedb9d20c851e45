#include "reflection_pad.h"

#include <ATen/ATen.h>

namespace depthstyle {

at::Tensor reflectionPadRows(const at::Tensor& kept, const at::Tensor& fresh, bool top,
                             bool bottom) {
    const int64_t h = (kept.defined() ? kept.size(2) : 0) + (fresh.defined() ? fresh.size(2) : 0);
    const at::Tensor& any = fresh.defined() ? fresh : kept;
    const int64_t w = any.size(3);
    const int64_t t = top ? 1 : 0;
    const int64_t paddedHeight = h + t + (bottom ? 1 : 0);
    at::Tensor out = at::empty({any.size(0), any.size(1), paddedHeight, w + 2},
                               any.options().memory_format(at::MemoryFormat::ChannelsLast));
    int64_t row = t;
    for (const at::Tensor* piece : {&kept, &fresh}) {
        if (piece->defined() && piece->size(2) > 0) {
            out.narrow(2, row, piece->size(2)).narrow(3, 1, w).copy_(*piece);
            row += piece->size(2);
        }
    }
    // Columns first, so that the row copies below carry the corners.
    out.narrow(3, 0, 1).copy_(out.narrow(3, 2, 1));
    out.narrow(3, w + 1, 1).copy_(out.narrow(3, w - 1, 1));
    if (top) {
        out.narrow(2, 0, 1).copy_(out.narrow(2, 2, 1));
    }
    if (bottom) {
        out.narrow(2, paddedHeight - 1, 1).copy_(out.narrow(2, paddedHeight - 3, 1));
    }
    return out;
}

}  // namespace depthstyle
