#pragma once

#include "torch_fwd.h"

namespace depthstyle {

// ReflectionPad2d(1) on an NCHW tensor (height and width at least 2), built
// from slices so that the channels-last layout survives.
at::Tensor reflectionPad1(const at::Tensor& x);

}  // namespace depthstyle
