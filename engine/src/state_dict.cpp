#include "state_dict.h"

#include <ATen/ATen.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "depthstyle/engine_error.h"

namespace depthstyle {
namespace {

[[noreturn]] void invalid(const std::string& path, const std::string& reason) {
    throwFileError(ErrorKind::ModelInvalid, path, reason);
}

std::vector<char> readModelBytes(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throwFileError(ErrorKind::ModelMissing, path,
                       "model file not found; install the models with packaging/fetch-models.sh");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        invalid(path, "cannot be opened for reading");
    }
    // One read of the whole file (byte by byte, the 14 MB encoder took
    // 20 ms), sized from the file opened, not from its path again: a model
    // set replaced meanwhile leaves the open file readable.
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (!in || size < 0) {
        invalid(path, "cannot be read");
    }
    std::vector<char> bytes(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad() || (!bytes.empty() && !in)) {
        invalid(path, "cannot be read");
    }
    if (in.peek() != EOF) {
        invalid(path, "changed size while being read");
    }
    if (bytes.empty()) {
        invalid(path, "the model file is empty (0 bytes)");
    }
    const bool zip = bytes.size() > 4 && bytes[0] == 'P' && bytes[1] == 'K';
    if (!zip && static_cast<unsigned char>(bytes[0]) == 0x80) {
        invalid(path,
                "is in PyTorch's legacy (non-zip) format, as published; convert it with "
                "packaging/fetch-models.sh --from <folder holding the downloaded files>");
    }
    if (!zip) {
        invalid(path, "not a PyTorch state dict (expected the zip format written by torch.save)");
    }
    return bytes;
}

std::string shapeText(const at::Tensor& t) {
    std::string text;
    for (int64_t d = 0; d < t.dim(); ++d) {
        text += (d > 0 ? "x" : "") + std::to_string(t.size(d));
    }
    return text.empty() ? "a scalar" : text;
}

at::Tensor takeTensor(const c10::impl::GenericDict& dict, const std::string& path,
                      const std::string& name, const std::vector<int64_t>& shape,
                      const std::string& expected) {
    const auto found = dict.find(c10::IValue(name));
    if (found == dict.end()) {
        invalid(path, "tensor '" + name + "' is missing (expected shape " + expected + ")");
    }
    if (!found->value().isTensor()) {
        invalid(path, "entry '" + name + "' is not a tensor (expected shape " + expected + ")");
    }
    at::Tensor tensor = found->value().toTensor();
    if (tensor.sizes() != at::IntArrayRef(shape)) {
        invalid(path,
                "tensor '" + name + "' has shape " + shapeText(tensor) + ", expected " + expected);
    }
    if (!tensor.is_floating_point()) {
        invalid(path, "tensor '" + name + "' is not a floating-point tensor");
    }
    // NaN or infinity in a weight turns every picture black or white.
    // One pass without a mask the tensor's size: min and max are NaN where
    // any element is, infinite where any is (the shapes checked above hold
    // at least one element).
    const at::Tensor weights = tensor.to(at::kFloat).contiguous();
    const auto [least, most] = at::aminmax(weights);
    if (!std::isfinite(least.item<float>()) || !std::isfinite(most.item<float>())) {
        invalid(path, "tensor '" + name + "' holds NaN or infinite values");
    }
    return weights;
}

}  // namespace

std::vector<at::Tensor> loadLayoutTensors(const std::string& path,
                                          const std::vector<ConvSpec>& layout) {
    const std::vector<char> bytes = readModelBytes(path);
    c10::IValue root;
    try {
        root = torch::jit::pickle_load(bytes);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        // LibTorch's unpickler cannot rebuild Python classes such as
        // collections.OrderedDict and reports them as None.
        if (what.find("GenericDict but got None") != std::string::npos) {
            invalid(path,
                    "does not hold a plain dict of tensors that LibTorch can read; convert it "
                    "with packaging/fetch-models.sh --from <folder holding the file>");
        }
        invalid(path,
                "cannot be read as a PyTorch state dict (" + what.substr(0, what.find('\n')) + ")");
    }
    if (!root.isGenericDict()) {
        invalid(path, "does not hold a state dict (a mapping of names to tensors)");
    }
    const c10::impl::GenericDict dict = root.toGenericDict();
    std::vector<at::Tensor> tensors;
    tensors.reserve(layout.size() * 2);
    for (const ConvSpec& spec : layout) {
        const std::string shape = spec.weightShape();
        tensors.push_back(takeTensor(dict, path, spec.weightName(),
                                     {spec.outChannels, spec.inChannels, spec.kernel, spec.kernel},
                                     shape));
        tensors.push_back(takeTensor(dict, path, spec.biasName(), {spec.outChannels},
                                     std::to_string(spec.outChannels)));
    }
    return tensors;
}

}  // namespace depthstyle
