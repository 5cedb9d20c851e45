#include "reflection_pad.h"

#include <ATen/ATen.h>

namespace depthstyle {

at::Tensor reflectionPadRows(const at::Tensor& x, bool top, bool bottom) {
    const int64_t h = x.size(2);
    const int64_t w = x.size(3);
    const int64_t t = top ? 1 : 0;
    const int64_t paddedHeight = h + t + (bottom ? 1 : 0);
    at::Tensor out = at::empty({x.size(0), x.size(1), paddedHeight, w + 2},
                               x.options().memory_format(at::MemoryFormat::ChannelsLast));
    out.narrow(2, t, h).narrow(3, 1, w).copy_(x);
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
