#include "warmup_size.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

#include "depthstyle/memory_estimate.h"
#include "depthstyle/model_files.h"
#include "local_path.h"

namespace depthstyle::cli {
namespace {

// The AdaIN networks' weights as the engine keeps them (the encoder to
// relu4_1 and the decoder, with their channels-last copies): about 60 MB
// measured.
constexpr std::uint64_t kNetworkBytes = std::uint64_t{64} << 20;
// MiDaS's activations at 256x256 beside its weights: about 10 MB measured in
// the network shaped like MiDaS v2.1 small, and the freed blocks between.
constexpr std::uint64_t kDepthActivationBytes = std::uint64_t{32} << 20;
// At most what one idle core touches while LibTorch loads (0.3-0.4 s at
// 1-2 GB/s on the machines measured).
constexpr std::uint64_t kMostWarmupBytes = std::uint64_t{512} << 20;

std::uint64_t depthNetworkBytes(const CliOptions& o) {
    if (!o.estimatesDepth()) {
        return 0;
    }
    const std::string folder = chooseModelDirectory(doc::localPath(o.models));
    std::error_code error;
    const std::uintmax_t size =
        std::filesystem::file_size(ModelFiles::inDirectory(folder).depth, error);
    return error ? 0 : static_cast<std::uint64_t>(size) + kDepthActivationBytes;
}

}  // namespace

std::uint64_t warmupBytes(const CliOptions& o) {
    std::uint64_t bytes = kNetworkBytes + depthNetworkBytes(o);
    if (!o.isBatch() && !o.video) {
        bytes += estimatedRenderBytes(doc::localPath(o.content), o.parameters.contentSize,
                                      doc::localPath(o.style), o.parameters.styleSize);
    }
    const std::uint64_t available = availableMemoryBytes();
    return std::min({bytes, kMostWarmupBytes, available > 0 ? available / 4 : bytes});
}

}  // namespace depthstyle::cli
