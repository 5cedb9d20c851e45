#include "packed_conv.h"

#include <ATen/ATen.h>
#include <omp.h>
#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "convolution_request.h"

namespace depthstyle {
namespace {

using Dims = dnnl::memory::dims;
using Tag = dnnl::memory::format_tag;

bool oneDnnType(at::ScalarType type, dnnl::memory::data_type* out) {
    switch (type) {
        case at::kFloat:
            *out = dnnl::memory::data_type::f32;
            return true;
        case at::kBFloat16:
            *out = dnnl::memory::data_type::bf16;
            return true;
        default:
            return false;
    }
}

Dims dimsOf(const std::vector<int64_t>& sizes) {
    return Dims(sizes.begin(), sizes.end());
}

// OpenMP work on this thread runs on one thread while it lives.
class OneThread {
public:
    OneThread() : threads_(omp_get_max_threads()) { omp_set_num_threads(1); }
    ~OneThread() { omp_set_num_threads(threads_); }
    OneThread(const OneThread&) = delete;
    OneThread& operator=(const OneThread&) = delete;

private:
    int threads_;
};

// A kernel for one input size: oneDNN's primitive, the weights in the
// layout it chose, the scratch memory it asks for on each run. No primitive
// where oneDNN has no kernel for that size: at::conv2d runs it.
struct Kernel {
    std::optional<dnnl::convolution_forward> primitive;
    dnnl::memory::desc weightsDesc;
    at::Tensor weights;  // bytes in weightsDesc's layout
    dnnl::memory::desc scratchpad;
    std::string name = "plain";
};

}  // namespace

struct PackedConvolution::State {
    at::Tensor weight;
    at::Tensor bias;
    bool relu = false;
    dnnl::memory::data_type type = dnnl::memory::data_type::undef;
    bool oneDnn = false;  // float32 or bfloat16 weights and bias
    at::Tensor contiguousBias;

    mutable std::mutex mutex;
    // The kernels of the sizes used last (kKeptKernels at most), each with
    // the tick of its last use.
    std::map<std::vector<int64_t>, std::pair<std::shared_ptr<const Kernel>, uint64_t>> kernels;
    uint64_t tick = 0;
    // The weights in each layout a kernel chose (most sizes choose the
    // same), packed once.
    std::vector<std::pair<dnnl::memory::desc, at::Tensor>> packings;
    std::atomic<bool> anyPacked{false};

    dnnl::memory::desc biasDesc() const { return {{weight.size(0)}, type, Tag::a}; }

    std::vector<int64_t> outputSizes(const std::vector<int64_t>& in) const {
        return convolutionOutputSizes(in, weight.sizes().vec());
    }

    dnnl::convolution_forward::primitive_desc describe(const std::vector<int64_t>& in) const {
        return describeConvolution(in, weight.sizes().vec(), type, relu);
    }

    // The weights in `layout`, reordered on first need.
    at::Tensor packedFor(const dnnl::memory::desc& layout) {
        const std::lock_guard<std::mutex> lock(mutex);
        for (const auto& [desc, bytes] : packings) {
            if (desc == layout) {
                return bytes;
            }
        }
        // On this thread alone: a helper thread making kernels would
        // otherwise start an OpenMP team of its own for a few kilobytes.
        const OneThread oneThread;
        const at::Tensor given = weight.contiguous(at::MemoryFormat::ChannelsLast);
        const dnnl::memory::desc givenDesc = keptWeightsDesc(weight.sizes().vec(), type);
        at::Tensor bytes = at::empty({static_cast<int64_t>(layout.get_size())}, at::kByte);
        dnnl::memory from(givenDesc, cpuEngine(), given.data_ptr());
        dnnl::memory to(layout, cpuEngine(), bytes.data_ptr());
        dnnl::stream stream(cpuEngine());
        dnnl::reorder(from, to).execute(stream, from, to);
        stream.wait();
        packings.emplace_back(layout, bytes);
        return bytes;
    }

    // A kernel is planned for the thread count of the thread that makes it
    // (oneDNN splits the work by it): the key holds both.
    static std::vector<int64_t> keyOf(const std::vector<int64_t>& in) {
        std::vector<int64_t> key = in;
        key.push_back(omp_get_max_threads());
        return key;
    }

    std::shared_ptr<const Kernel> kernelFor(const std::vector<int64_t>& in) {
        const std::vector<int64_t> key = keyOf(in);
        {
            const std::lock_guard<std::mutex> lock(mutex);
            const auto found = kernels.find(key);
            if (found != kernels.end()) {
                found->second.second = ++tick;
                return found->second.first;
            }
        }
        // Made outside the lock (milliseconds of code generation): two
        // threads asking for one size at once both make it, one is kept.
        auto kernel = std::make_shared<Kernel>();
        if (oneDnn) {
            try {
                const auto pd = describe(in);
                kernel->weightsDesc = pd.weights_desc();
                kernel->weights = packedFor(kernel->weightsDesc);
                kernel->scratchpad = pd.scratchpad_desc();
                kernel->primitive.emplace(pd);
                kernel->name = pd.impl_info_str();
                anyPacked = true;
            } catch (const dnnl::error& e) {
                if (e.status != dnnl_unimplemented) {
                    throw;  // out of memory, say: nothing kept, the next call tries again
                }
                // no oneDNN kernel for this (bfloat16 without AVX-512):
                // at::conv2d runs it
                kernel->primitive.reset();
            }
        }
        const std::lock_guard<std::mutex> lock(mutex);
        if (kernels.size() >= kKeptKernels && kernels.count(key) == 0) {
            // The app meets a new size with every zoom, window and content
            // size: the least recently used kernel goes (a run still
            // holding it keeps it until done), and the weights in a layout
            // no kept kernel uses.
            const auto oldest = std::min_element(
                kernels.begin(), kernels.end(),
                [](const auto& a, const auto& b) { return a.second.second < b.second.second; });
            kernels.erase(oldest);
            packings.erase(std::remove_if(packings.begin(), packings.end(),
                                          [](const auto& p) { return p.second.use_count() == 1; }),
                           packings.end());
        }
        auto& entry = kernels.emplace(key, std::make_pair(std::move(kernel), 0)).first->second;
        entry.second = ++tick;
        return entry.first;
    }
};

PackedConvolution::PackedConvolution(const at::Tensor& weight, const at::Tensor& bias, bool relu)
    : state_(std::make_unique<State>()) {
    state_->weight = weight;
    state_->bias = bias;
    state_->relu = relu;
    state_->oneDnn = oneDnnType(weight.scalar_type(), &state_->type) &&
                     bias.scalar_type() == weight.scalar_type();
    if (state_->oneDnn) {
        state_->contiguousBias = bias.contiguous();
    }
}

PackedConvolution::PackedConvolution(PackedConvolution&&) noexcept = default;
PackedConvolution& PackedConvolution::operator=(PackedConvolution&&) noexcept = default;
PackedConvolution::~PackedConvolution() = default;

const at::Tensor& PackedConvolution::weight() const {
    return state_->weight;
}
const at::Tensor& PackedConvolution::bias() const {
    return state_->bias;
}

at::Tensor PackedConvolution::operator()(const at::Tensor& input) const {
    State& s = *state_;
    if (!s.oneDnn || input.scalar_type() != s.weight.scalar_type() || !input.is_cpu() ||
        input.dim() != 4) {
        return plainConvolution(input, s.weight, s.bias, s.relu);  // its checks, its errors
    }
    const std::vector<int64_t> in = input.sizes().vec();
    const std::shared_ptr<const Kernel> kernel = s.kernelFor(in);
    if (!kernel->primitive) {
        return plainConvolution(input, s.weight, s.bias, s.relu);
    }
    const at::Tensor x = input.contiguous(at::MemoryFormat::ChannelsLast);
    at::Tensor out =
        at::empty(s.outputSizes(in), x.options().memory_format(at::MemoryFormat::ChannelsLast));
    const at::Tensor scratchpad = at::empty({static_cast<int64_t>(kernel->scratchpad.get_size())},
                                            x.options().dtype(at::kByte));
    const dnnl::engine& engine = cpuEngine();
    const std::unordered_map<int, dnnl::memory> args{
        {DNNL_ARG_SRC, dnnl::memory({dimsOf(in), s.type, Tag::nhwc}, engine, x.data_ptr())},
        {DNNL_ARG_WEIGHTS, dnnl::memory(kernel->weightsDesc, engine, kernel->weights.data_ptr())},
        {DNNL_ARG_BIAS, dnnl::memory(s.biasDesc(), engine, s.contiguousBias.data_ptr())},
        {DNNL_ARG_DST,
         dnnl::memory({dimsOf(out.sizes().vec()), s.type, Tag::nhwc}, engine, out.data_ptr())},
        {DNNL_ARG_SCRATCHPAD, dnnl::memory(kernel->scratchpad, engine, scratchpad.data_ptr())}};
    dnnl::stream stream(engine);
    kernel->primitive->execute(stream, args);
    stream.wait();
    return out;
}

std::vector<int64_t> PackedConvolution::prepare(const std::vector<int64_t>& sizes) const {
    state_->kernelFor(sizes);
    return state_->outputSizes(sizes);
}

bool PackedConvolution::packed() const {
    return state_->anyPacked;
}

size_t PackedConvolution::kernelCount() const {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->kernels.size();
}

bool PackedConvolution::hasKernelFor(const std::vector<int64_t>& sizes) const {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->kernels.count(State::keyOf(sizes)) > 0;
}

std::vector<std::string> PackedConvolution::kernelNames() const {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    std::vector<std::string> names;
    for (const auto& entry : state_->kernels) {
        names.push_back(entry.second.first->name);
    }
    return names;
}

at::Tensor plainConvolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                            bool relu) {
    at::Tensor out = at::conv2d(x, weight, bias);
    if (relu) {
        out.relu_();
    }
    return out;
}

}  // namespace depthstyle
