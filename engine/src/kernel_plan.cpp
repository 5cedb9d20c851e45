#include "depthstyle/kernels_ahead.h"

#include "network_layout.h"
#include "stack_plan.h"

namespace depthstyle {
namespace {

void appendKernels(std::vector<PlannedKernel>& to, const StackPlan& plan,
                   const std::vector<KernelNeed>& needs, bool bfloat16) {
    for (const KernelNeed& need : needs) {
        const ConvSpec& spec = plan.specs[need.convolution];
        PlannedKernel k;
        k.outChannels = spec.outChannels;
        k.inChannels = spec.inChannels;
        k.kernel = spec.kernel;
        k.relu = spec.after != AfterConv::Nothing ? 1 : 0;
        k.bfloat16 = bfloat16 ? 1 : 0;
        for (size_t i = 0; i < 4; ++i) {
            k.input[i] = need.sizes.at(i);
        }
        to.push_back(k);
    }
}

}  // namespace

std::vector<PlannedKernel> plannedRenderKernels(const std::vector<int64_t>& content,
                                                const std::vector<std::vector<int64_t>>& styles,
                                                Precision decoderPrecision) {
    const StackPlan encoder = StackPlan::of(encoderLayout());
    const StackPlan decoder = StackPlan::of(decoderLayout());
    const RenderKernelNeeds needs =
        planRenderKernels(encoder, decoder, content, {}, styles, decoderPrecision);
    std::vector<PlannedKernel> kernels;
    appendKernels(kernels, encoder, needs.encoder, false);
    appendKernels(kernels, decoder, needs.decoder, decoderPrecision == Precision::BFloat16);
    return kernels;
}

}  // namespace depthstyle
