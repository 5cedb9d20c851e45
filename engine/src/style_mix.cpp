// Checks on a style mix, apart from the session so that the command line's
// checks need no LibTorch.
#include <cmath>

#include "depthstyle/engine_error.h"
#include "depthstyle/session.h"

namespace depthstyle {

void validate(const StyleMix& mix) {
    if (mix.kind == StyleMix::Kind::NearFar) {
        return;
    }
    double sum = 0.0;
    for (double w : mix.weights) {
        if (!(w >= 0.0) || !std::isfinite(w)) {
            throw EngineError(ErrorKind::InvalidArgument, "style weights must be numbers >= 0");
        }
        sum += w;
    }
    if (!mix.weights.empty() && !(sum > 0.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "the style weights add up to 0");
    }
}

}  // namespace depthstyle
