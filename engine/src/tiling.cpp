#include <atomic>

#include "depthstyle/tiling.h"

namespace depthstyle {
namespace {

constexpr double kDefaultStripeBudget = kDefaultStripeBudgetMiB * 1024 * 1024;
std::atomic<double> stripeBudget{kDefaultStripeBudget};
thread_local double threadStripeBudget = 0.0;

}  // namespace

void setStripeBudgetBytes(double bytes) {
    stripeBudget = bytes > 0.0 ? bytes : kDefaultStripeBudget;
}

double stripeBudgetBytes() {
    return threadStripeBudget > 0.0 ? threadStripeBudget : stripeBudget.load();
}

void setThreadStripeBudgetBytes(double bytes) {
    threadStripeBudget = bytes > 0.0 ? bytes : 0.0;
}

}  // namespace depthstyle
