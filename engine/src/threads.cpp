#include "depthstyle/threads.h"

#include <ATen/Parallel.h>

#include <thread>

#include <opencv2/core/utility.hpp>

namespace depthstyle {

int availableCores() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? static_cast<int>(cores) : 1;
}

int setComputeThreads(int count) {
    const int threads = count > 0 ? count : availableCores();
    at::set_num_threads(threads);
    cv::setNumThreads(threads);
    return at::get_num_threads();
}

int computeThreads() {
    return at::get_num_threads();
}

}  // namespace depthstyle
