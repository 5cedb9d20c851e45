#include "convolution_request.h"

namespace depthstyle {
namespace {

using Dims = dnnl::memory::dims;
using Tag = dnnl::memory::format_tag;

Dims dimsOf(const std::vector<int64_t>& sizes) {
    return Dims(sizes.begin(), sizes.end());
}

}  // namespace

const dnnl::engine& cpuEngine() {
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

std::vector<int64_t> convolutionOutputSizes(const std::vector<int64_t>& input,
                                            const std::vector<int64_t>& weight) {
    return {input[0], weight[0], input[2] - weight[2] + 1, input[3] - weight[3] + 1};
}

dnnl::convolution_forward::primitive_desc describeConvolution(const std::vector<int64_t>& input,
                                                              const std::vector<int64_t>& weight,
                                                              dnnl::memory::data_type type,
                                                              bool relu) {
    const dnnl::memory::desc src(dimsOf(input), type, Tag::nhwc);
    const dnnl::memory::desc dst(dimsOf(convolutionOutputSizes(input, weight)), type, Tag::nhwc);
    const dnnl::memory::desc weights(dimsOf(weight), type, Tag::any);
    const dnnl::memory::desc bias({weight[0]}, type, Tag::a);
    const dnnl::convolution_forward::desc op(dnnl::prop_kind::forward_training,
                                             dnnl::algorithm::convolution_direct, src, weights,
                                             bias, dst, {1, 1}, {0, 0}, {0, 0});
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    if (relu) {
        dnnl::post_ops ops;
        ops.append_eltwise(1.0F, dnnl::algorithm::eltwise_relu, 0.0F, 0.0F);
        attr.set_post_ops(ops);
    }
    return {op, attr, cpuEngine()};
}

dnnl::memory::desc keptWeightsDesc(const std::vector<int64_t>& weight,
                                   dnnl::memory::data_type type) {
    return {dimsOf(weight), type, Tag::ohwi};
}

}  // namespace depthstyle
