#include "blas_threads.h"

#include <cstdlib>

namespace depthstyle::cli {
namespace {

bool isSet(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

}  // namespace

void keepBlasOnCallingThread() {
    if (!isSet("OPENBLAS_NUM_THREADS") && !isSet("GOTO_NUM_THREADS")) {
        setenv("OPENBLAS_NUM_THREADS", "1", 1);
    }
}

}  // namespace depthstyle::cli
