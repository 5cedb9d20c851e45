#pragma once

#include <memory>

#include "depthstyle/model_files.h"
#include "depthstyle/precision.h"

namespace depthstyle {

// The networks of one installed model set, loaded once and shared: every
// session (the app's preview and export lanes, a batch) reads the same
// weights. Immutable after loading as far as callers can tell; the bfloat16
// copy of the decoder weights and the depth network are prepared on first
// use, once, and safely from any number of threads.
class Models {
public:
    // Loads and checks the encoder and decoder now (the depth network on
    // first use). Throws EngineError(ModelMissing / ModelInvalid) naming the
    // file.
    static std::shared_ptr<const Models> load(const ModelFiles& files);

    ~Models();
    Models(const Models&) = delete;
    Models& operator=(const Models&) = delete;

    const ModelFiles& files() const;

    // How many oneDNN kernels (one per layer and input size) the encoder
    // and the decoder in `decoderPrecision` have made so far.
    size_t kernelsMade(Precision decoderPrecision) const;

    // The engine's own view of the networks (defined in the engine's sources).
    struct Networks;
    const Networks& networks() const { return *networks_; }

private:
    explicit Models(std::unique_ptr<Networks> networks);
    std::unique_ptr<Networks> networks_;
};

}  // namespace depthstyle
