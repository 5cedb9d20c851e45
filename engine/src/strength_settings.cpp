// Checks on Algorithm 1's settings, apart from the maps so that the command
// line's checks need neither OpenCV's image modules nor LibTorch.
#include <cmath>

#include "depthstyle/engine_error.h"
#include "depthstyle/strength_map.h"

namespace depthstyle {

void validate(const StrengthSettings& s) {
    if (!(s.beta >= 0.0) || !std::isfinite(s.beta)) {
        throw EngineError(ErrorKind::InvalidArgument, "beta must be a number >= 0");
    }
    if (!(s.epsilon >= 0.0 && s.epsilon <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "epsilon must be between 0 and 1");
    }
    if (!(s.alpha >= 0.0 && s.alpha <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "alpha must be between 0 and 1");
    }
    validate(s.levels);
    if (s.focus &&
        !(s.focus->x >= 0.0 && s.focus->x <= 1.0 && s.focus->y >= 0.0 && s.focus->y <= 1.0)) {
        throw EngineError(ErrorKind::InvalidArgument, "the focus point must lie in the picture");
    }
    if (s.clip) {
        const ClipNormalisation& c = *s.clip;
        if (!std::isfinite(c.low) || !std::isfinite(c.high) || !(c.high >= c.low) ||
            !(c.mean >= 0.0 && c.mean <= 1.0)) {
            throw EngineError(ErrorKind::InvalidArgument,
                              "the clip's statistics need finite low <= high and a mean in [0,1]");
        }
        if (!s.levels.identity() || s.depthEdit || s.focus) {
            throw EngineError(ErrorKind::InvalidArgument,
                              "clip-wide normalisation does not combine with depth levels, a "
                              "depth edit or a focus");
        }
    }
}

void validate(const DepthLevels& levels) {
    if (!(levels.black >= 0.0 && levels.white <= 1.0 && levels.black < levels.white)) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "the depth levels need 0 <= black < white <= 1");
    }
    if (!(levels.gamma >= 0.1 && levels.gamma <= 10.0)) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "the depth levels' gamma must be between 0.1 and 10");
    }
}

}  // namespace depthstyle
