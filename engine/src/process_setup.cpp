#include "depthstyle/process_setup.h"

#include <malloc.h>

#include "depthstyle/heap.h"
#include "depthstyle/threads.h"

namespace depthstyle {

int configureProcess(int computeThreads, bool tuneHeap) {
    if (tuneHeap) {
        tuneAllocatorOnce();
    }
    return setComputeThreads(computeThreads);
}

void releaseFreeMemory() {
    malloc_trim(0);  // every arena: the lanes' threads allocate in their own
}

}  // namespace depthstyle
