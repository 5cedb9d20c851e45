#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "cli_options.h"

namespace depthstyle::cli {

// One output of a batch: which content and style set, its parameters (the
// sweep's beta and epsilon in them) and the file it goes to.
struct BatchOutput {
    int content = 0;   // index into BatchPlan::contents
    int styleSet = 0;  // index into BatchPlan::styleSets
    doc::Parameters parameters;
    QString path;
};

// Every output of a batch, content by content (each content's depth and
// features are made once), then style set by style set, then the sweep.
struct BatchPlan {
    QStringList contents;
    // Each set makes one AdaIN target: one style, or the mix of --style
    // repeated (--style-weights, --style-near/--style-far).
    std::vector<QStringList> styleSets;
    std::vector<BatchOutput> outputs;
};

// Plans the batch of `options` (isBatch()). Throws EngineError
// (InvalidArgument) when two outputs would get one name, naming both
// inputs.
BatchPlan planBatch(const CliOptions& options);

}  // namespace depthstyle::cli
