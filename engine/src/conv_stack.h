#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "depthstyle/precision.h"
#include "depthstyle/progress.h"
#include "network_layout.h"
#include "stack_plan.h"
#include "torch_fwd.h"

namespace depthstyle {

// A network input given row by row and never held whole: rows(a, b) returns
// rows [a, b) as a 1 x channels x (b - a) x width float tensor. Requests
// move down the image and may overlap by a row or two (a convolution's halo).
struct InputRows {
    int64_t channels = 0;
    int64_t height = 0;
    int64_t width = 0;
    std::function<at::Tensor(int64_t a, int64_t b)> rows;
    std::function<void()> release;  // optional: called once the rows are no longer needed
};

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
    // The same on an input made row by row as the first layer's stripes need
    // it (the decoder's blended features: only a stripe of them exists at a
    // time).
    // `into`, when given, receives the result (its shape, any layout, float):
    // the last layer's stripes are written straight there.
    at::Tensor forward(const InputRows& input, Stage stage, const Progress& progress,
                       Precision precision, const at::Tensor& into) const;

    // A oneDNN kernel forward() will make: for which convolution, and the
    // size of its input (N, C, H, W).
    using KernelNeed = depthstyle::KernelNeed;
    // How it runs, without its weights: planRenderKernels() (stack_plan.h)
    // lists the kernels forward() makes, running its stripes on shapes
    // alone.
    const StackPlan& plan() const;
    // Makes one of them now (code generation: milliseconds). Thread-safe, in
    // any order. Throws where oneDNN does.
    void prepare(const KernelNeed& need, Precision precision) const;
    // How many kernels the convolutions hold (tests).
    size_t kernelCount(Precision precision) const;

    // The weights and the op sequence (defined in the .cpp file).
    struct Layers;

private:
    explicit ConvStack(std::unique_ptr<Layers> layers);
    at::Tensor run(const InputRows& input, Stage stage, const Progress& progress,
                   Precision precision, const at::Tensor& into) const;
    std::unique_ptr<Layers> layers_;
};

}  // namespace depthstyle
