#include "render_preparation.h"

#include <ATen/ATen.h>

#include <exception>

#include "depthstyle/run_trace.h"
#include "depthstyle/threads.h"

namespace depthstyle {
namespace {

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
    RenderKernelNeeds needs;
    try {
        needs = planRenderKernels(encoder.plan(), decoder.plan(), work.content,
                                  work.contentFeatures, work.styles, work.decoderPrecision);
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
    for (const KernelNeed& need : needs.encoder) {
        tasks.push_back(makeKernel(encoder, need, Precision::Float32));
    }
    for (const KernelNeed& need : needs.decoder) {
        tasks.push_back(makeKernel(decoder, need, work.decoderPrecision));
    }
    runTasks(tasks, threads);
    return needs.features;
}

}  // namespace depthstyle
