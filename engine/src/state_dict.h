#pragma once

#include <string>
#include <vector>

#include "network_layout.h"
#include "torch_fwd.h"

namespace depthstyle {

// Reads a state dict saved by torch.save in the zip format and returns, for
// each convolution of `layout` in order, its weight and its bias (2 tensors
// per layer, float32). Throws EngineError naming the file: ModelMissing when
// absent; ModelInvalid for the legacy format, an unreadable file, a missing
// tensor or a wrong shape (naming the tensor and the expected shape).
std::vector<at::Tensor> loadLayoutTensors(const std::string& path,
                                          const std::vector<ConvSpec>& layout);

}  // namespace depthstyle
