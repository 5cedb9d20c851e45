#include <omp.h>

#include "convolution_request.h"
#include "depthstyle/kernels_ahead.h"

namespace depthstyle {

size_t makeKernelsAhead(const std::vector<PlannedKernel>& kernels, int threads,
                        const std::atomic<bool>* stop) {
    size_t made = 0;
    for (const PlannedKernel& k : kernels) {
        if (stop != nullptr && stop->load()) {
            break;
        }
        const std::vector<int64_t> input(k.input, k.input + 4);
        const std::vector<int64_t> weight{k.outChannels, k.inChannels, k.kernel, k.kernel};
        const auto type =
            k.bfloat16 != 0 ? dnnl::memory::data_type::bf16 : dnnl::memory::data_type::f32;
        try {
            // As PackedConvolution makes them: the kernel for the render's
            // thread count, the weights' reorder on one thread.
            omp_set_num_threads(threads);
            const auto pd = describeConvolution(input, weight, type, k.relu != 0);
            const dnnl::convolution_forward kernel(pd);
            omp_set_num_threads(1);
            const dnnl::reorder::primitive_desc reorder(cpuEngine(), keptWeightsDesc(weight, type),
                                                        cpuEngine(), pd.weights_desc());
            const dnnl::reorder weightsReorder(reorder);
            ++made;
        } catch (const dnnl::error&) {
            // no kernel for it here (bfloat16 without AVX-512), or no memory:
            // the render meets it and says so
        }
    }
    return made;
}

}  // namespace depthstyle
