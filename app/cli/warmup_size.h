#pragma once

#include <cstdint>

#include "cli_options.h"

namespace depthstyle::cli {

// The heap a run will use, touched on the idle core while LibTorch loads:
// the AdaIN networks, MiDaS when the run estimates depth (its weights, the
// size of its file, and its activations), and for one picture the render's
// own estimate from the sizes the files declare. A batch or a video sizes
// its pictures later; only the networks are warmed for them. At most 512 MB
// and a quarter of the memory available.
std::uint64_t warmupBytes(const CliOptions& options);

}  // namespace depthstyle::cli
