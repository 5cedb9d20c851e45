#include "render_preparation.h"

#include <ATen/ATen.h>

#include <exception>

#include "depthstyle/run_trace.h"
#include "depthstyle/threads.h"

namespace depthstyle {
namespace {

using Needs = std::vector<KernelNeed>;

// One kernel to make; a failure is the render's to report when it meets it.
std::function<void()> makeKernel(const ConvStack& stack, const KernelNeed& need,
                                 Precision precision) {
    return [&stack, &need, precision] {
        try {
            stack.prepare(need, precision);
        } catch (const std::exception&) {
            // the render makes it again, and reports what it meets
        }
    };
}

}  // namespace

std::vector<int64_t> prepareRenderWork(const ConvStack& encoder, const ConvStack& decoder,
                                       const RenderWork& work, int threads) {
    const trace::Part part("kernel preparation");
    Needs encoderNeeds;
    Needs decoderNeeds;
    std::vector<int64_t> features = work.contentFeatures;
    try {
        if (!work.content.empty()) {
            // The content is encoded first: its kernels first.
            appendNewNeeds(encoderNeeds,
                           encoder.kernelNeeds(work.content, Precision::Float32, &features));
        }
        for (const std::vector<int64_t>& style : work.styles) {
            appendNewNeeds(encoderNeeds, encoder.kernelNeeds(style, Precision::Float32));
        }
        if (!features.empty()) {
            decoderNeeds = decoder.kernelNeeds(features, work.decoderPrecision);
        }
    } catch (const std::exception&) {
        return {};  // no plan: the render makes its kernels as it goes
    }
    std::vector<std::function<void()>> tasks;
    if (work.loadDepthNetwork) {
        // The longest task (tens of milliseconds) first, beside the kernels.
        tasks.emplace_back([&work] {
            const trace::Muted muted;  // its part would overlap the kernels'
            try {
                work.loadDepthNetwork();
            } catch (const std::exception&) {
                // the render loads it again and reports the file's fault
            }
        });
    }
    for (const KernelNeed& need : encoderNeeds) {
        tasks.push_back(makeKernel(encoder, need, Precision::Float32));
    }
    for (const KernelNeed& need : decoderNeeds) {
        tasks.push_back(makeKernel(decoder, need, work.decoderPrecision));
    }
    runTasks(tasks, threads);
    return features;
}

}  // namespace depthstyle
