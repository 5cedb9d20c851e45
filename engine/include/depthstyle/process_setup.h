#pragma once

namespace depthstyle {

// The process-wide settings the engine runs best with, made once by each
// program's main() before any work (never as a side effect of a
// constructor):
//   - freed memory stays in the process (first-touch page faults of fresh
//     multi-megabyte tensors cost more than the convolutions on the machines
//     measured), its heap marked for transparent huge pages only where
//     DEPTHSTYLE_HUGE_PAGES=1 asks (tuneAllocatorOnce());
//   - LibTorch's and OpenCV's compute threads (Debian's LibTorch defaults to
//     one): `computeThreads`, 0 = every available core.
// Returns the number of compute threads in effect. `tuneHeap` false: the
// heap was tuned already by another copy of the engine's basics in this
// process (depthstyle-cli's program, before it loads its work module).
int configureProcess(int computeThreads, bool tuneHeap = true);

// Gives the free memory the process keeps (see above) back to the system,
// for when the working size has gone down. Takes a few milliseconds per
// gigabyte held: call it off the window's thread.
void releaseFreeMemory();

}  // namespace depthstyle
