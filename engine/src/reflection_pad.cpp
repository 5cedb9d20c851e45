#include "reflection_pad.h"

#include <ATen/ATen.h>

namespace depthstyle {

at::Tensor reflectionPad1(const at::Tensor& x) {
    const int64_t h = x.size(2);
    const int64_t w = x.size(3);
    const at::Tensor rows = at::cat({x.narrow(2, 1, 1), x, x.narrow(2, h - 2, 1)}, 2);
    return at::cat({rows.narrow(3, 1, 1), rows, rows.narrow(3, w - 2, 1)}, 3);
}

}  // namespace depthstyle
