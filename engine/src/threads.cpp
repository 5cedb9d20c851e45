#include "depthstyle/threads.h"

#include <ATen/Parallel.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include <opencv2/core/utility.hpp>

namespace depthstyle {

int setComputeThreads(int count) {
    const int threads = count > 0 ? count : availableCores();
    at::set_num_threads(threads);
    cv::setNumThreads(threads);
    return at::get_num_threads();
}

int computeThreads() {
    return at::get_num_threads();
}

void runTasks(const std::vector<std::function<void()>>& tasks, int threads) {
    if (tasks.empty()) {
        return;
    }
    const int computeCount = computeThreads();
    std::atomic<size_t> next{1};  // the first task is this thread's
    std::mutex failureMutex;
    std::exception_ptr failure;
    const auto run = [&](size_t i) {
        try {
            tasks[i]();
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure) {
                failure = std::current_exception();
            }
        }
    };
    const auto work = [&] {
        for (size_t i = next++; i < tasks.size(); i = next++) {
            run(i);
        }
    };
    const auto helperWork = [&] {
        // OpenMP's thread count is each thread's own: oneDNN plans a kernel
        // for the count of the thread that makes it.
        omp_set_num_threads(computeCount);
        work();
    };
    std::vector<std::thread> helpers;
    try {
        const auto wanted =
            std::min(static_cast<size_t>(std::max(1, threads)) - 1, tasks.size() - 1);
        helpers.reserve(wanted);
        for (size_t i = 0; i < wanted; ++i) {
            helpers.emplace_back(helperWork);
        }
    } catch (...) {
        // no thread to spare: fewer helpers (nothing below throws, so every
        // helper started is joined)
    }
    run(0);
    work();
    for (std::thread& helper : helpers) {
        helper.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

}  // namespace depthstyle
