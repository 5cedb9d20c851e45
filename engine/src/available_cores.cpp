// availableCores (threads.h) without LibTorch: the command line reads it
// before LibTorch loads.
#include <thread>

#include "depthstyle/threads.h"

namespace depthstyle {

int availableCores() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? static_cast<int>(cores) : 1;
}

}  // namespace depthstyle
