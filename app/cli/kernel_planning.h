#pragma once

#include <vector>

#include "cli_options.h"
#include "depthstyle/kernels_ahead.h"

namespace depthstyle::cli {

// How DEPTHSTYLE_KERNELS_AHEAD asks for the kernels made while LibTorch
// loads: "0" not at all, "wait" made before the work starts (for tests and
// measurements), anything else (or unset) beside the loading.
enum class KernelsAheadMode { Off, Beside, Wait };
KernelsAheadMode kernelsAheadMode();

// The compute threads the work module will set (setComputeThreads): the
// option's, else every core.
int computeThreadsFor(const CliOptions& options);

// The oneDNN kernels the run's first render will make, planned from the
// options and the pictures' headers without LibTorch: empty when switched
// off, for batches and videos, where the stripe size is still to be
// measured on this machine, where a header does not say its size, and on
// any failure (the render then makes them itself).
std::vector<PlannedKernel> plannedKernelsFor(const CliOptions& options);

}  // namespace depthstyle::cli
