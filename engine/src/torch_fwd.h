#pragma once

// Lets engine headers name tensors without including LibTorch: only the
// engine's .cpp files include its headers.
namespace at {
class Tensor;
}  // namespace at
