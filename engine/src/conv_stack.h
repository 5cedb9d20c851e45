#pragma once

#include <memory>
#include <string>
#include <vector>

#include "depthstyle/precision.h"
#include "depthstyle/progress.h"
#include "network_layout.h"
#include "torch_fwd.h"

namespace depthstyle {

// A chain of convolutions in one of the published layouts, with the weights
// of a state dict file. Runs in channels-last layout with its own reflection
// padding (exact, and faster than ReflectionPad2d on oneDNN).
class ConvStack {
public:
    // Reads `path` (a state dict in PyTorch's zip format) and checks every
    // tensor of `layout`. Throws EngineError(ModelMissing / ModelInvalid)
    // naming the file and, for a bad tensor, its name and expected shape.
    static ConvStack load(const std::string& path, const std::vector<ConvSpec>& layout);

    ConvStack(ConvStack&&) noexcept;
    ConvStack& operator=(ConvStack&&) noexcept;
    ~ConvStack();

    // Runs every layer on an NCHW float tensor (any memory layout; taken by
    // value so that it can be freed as soon as it is used), reporting
    // `stage` progress and honouring cancellation between stripes and
    // layers. `precision` is the arithmetic of the layers; input and result
    // are float32 either way. The result is in channels-last layout.
    at::Tensor forward(at::Tensor input, Stage stage, const Progress& progress,
                       Precision precision = Precision::Float32) const;

    // The weights and the op sequence (defined in the .cpp file).
    struct Layers;

private:
    explicit ConvStack(std::unique_ptr<Layers> layers);
    std::unique_ptr<Layers> layers_;
};

}  // namespace depthstyle
