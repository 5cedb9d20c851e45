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
                                                Precision decoderPrecision, bool decodes) {
    const StackPlan encoder = StackPlan::of(encoderLayout());
    std::vector<KernelNeed> encoderNeeds;
    std::vector<int64_t> features;
    if (!content.empty()) {
        appendNewNeeds(encoderNeeds, planKernels(encoder, content, 4.0, &features));
    }
    for (const std::vector<int64_t>& style : styles) {
        appendNewNeeds(encoderNeeds, planKernels(encoder, style, 4.0));
    }
    std::vector<PlannedKernel> kernels;
    appendKernels(kernels, encoder, encoderNeeds, false);
    if (decodes && !features.empty()) {
        const StackPlan decoder = StackPlan::of(decoderLayout());
        const bool bfloat16 = decoderPrecision == Precision::BFloat16;
        appendKernels(kernels, decoder, planKernels(decoder, features, bfloat16 ? 2.0 : 4.0),
                      bfloat16);
    }
    return kernels;
}

}  // namespace depthstyle
