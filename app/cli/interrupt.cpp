#include "interrupt.h"

#include <unistd.h>

#include <csignal>

#include "depthstyle/image_io.h"

namespace depthstyle::cli {
namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set in a signal handler");

void endNow(int signal) {
    depthstyle::removePendingTemporaryFiles();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void onInterrupt(int signal) {
    if (interrupted.exchange(true)) {
        endNow(signal);
        return;
    }
    static const char notice[] = "\ndepthstyle-cli: stopping (Ctrl+C again to stop at once)\n";
    const ssize_t written = ::write(STDERR_FILENO, notice, sizeof notice - 1);
    (void)written;
}

}  // namespace

void installInterruptHandlers(bool graceful) {
    std::signal(SIGINT, graceful ? onInterrupt : endNow);
    std::signal(SIGTERM, endNow);
}

const std::atomic<bool>* interruptFlag() {
    return &interrupted;
}

}  // namespace depthstyle::cli
