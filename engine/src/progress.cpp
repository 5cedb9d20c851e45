#include "depthstyle/progress.h"

#include "depthstyle/engine_error.h"
#include "depthstyle/run_trace.h"

namespace depthstyle {

const char* stageName(Stage stage) {
    switch (stage) {
        case Stage::Depth:
            return "depth";
        case Stage::ContentEncoding:
            return "content encoding";
        case Stage::StyleEncoding:
            return "style encoding";
        case Stage::AdaIN:
            return "AdaIN";
        case Stage::StrengthMap:
            return "strength map";
        case Stage::Decoding:
            return "decoding";
    }
    return "unknown";
}

void Progress::step(Stage stage, double fraction) const {
    if (fraction <= 0.0 || fraction >= 1.0) {
        trace::mark(stageName(stage), fraction <= 0.0);
    }
    if (report) {
        report(stage, fraction);
    }
    if (cancelled()) {
        throw EngineError(ErrorKind::Cancelled,
                          std::string("cancelled during ") + stageName(stage));
    }
}

}  // namespace depthstyle
