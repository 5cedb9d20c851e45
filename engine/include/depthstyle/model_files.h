#pragma once

#include <string>
#include <vector>

namespace depthstyle {

// File names of the installed model set (as packaging/fetch-models.sh installs
// them: the two AdaIN state dicts converted to PyTorch's zip format, the
// MiDaS TorchScript file as published).
inline constexpr const char* kEncoderFileName = "vgg_normalised.pth";
inline constexpr const char* kDecoderFileName = "decoder.pth";
inline constexpr const char* kDepthFileName = "model-small-traced.pt";

struct ModelFiles {
    std::string encoder;
    std::string decoder;
    std::string depth;

    static ModelFiles inDirectory(const std::string& directory);
};

// The per-user model directory: $XDG_DATA_HOME/depthstyle/models, or
// ~/.local/share/depthstyle/models.
std::string userModelDirectory();

// Where models are looked for, in order: `explicitDirectory` if not empty;
// otherwise $DEPTHSTYLE_MODELS if set; otherwise the per-user directory, then
// depthstyle/models under each of $XDG_DATA_DIRS (/usr/local/share and
// /usr/share by default). Without an explicit choice the first directory that
// holds the encoder is taken.
std::vector<std::string> modelSearchPath(const std::string& explicitDirectory);
std::string chooseModelDirectory(const std::string& explicitDirectory);

// The files of a set that are missing (empty when complete). `needDepth`
// false leaves out the MiDaS file (a user's own depth map is used).
std::vector<std::string> missingModelFiles(const ModelFiles& files, bool needDepth);

}  // namespace depthstyle
