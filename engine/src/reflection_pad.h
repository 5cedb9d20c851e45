#pragma once

#include "torch_fwd.h"

namespace depthstyle {

// ReflectionPad2d(1) for a stripe of rows of an NCHW tensor, given as the
// rows `kept` from the stripe before (may be undefined or empty) followed by
// `fresh` rows: the left and right columns are always reflected; the top
// (bottom) row only when the stripe starts (ends) at the image border,
// otherwise the stripe already holds its true neighbour row. One allocation
// and one copy, channels-last kept.
at::Tensor reflectionPadRows(const at::Tensor& kept, const at::Tensor& fresh, bool top,
                             bool bottom);

}  // namespace depthstyle
