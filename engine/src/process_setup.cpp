#include "depthstyle/process_setup.h"

#include "allocator_tuning.h"
#include "depthstyle/threads.h"

namespace depthstyle {

int configureProcess(int computeThreads) {
    tuneAllocatorOnce();
    return setComputeThreads(computeThreads);
}

}  // namespace depthstyle
