#pragma once

#include <opencv2/core/types.hpp>

#include "cli_options.h"
#include "depthstyle/model_files.h"
#include "depthstyle/models.h"

namespace depthstyle::cli {

// Runs the options; returns the exit code (0 on success, 1 on failure with
// one line on stderr).
int runCli(const CliOptions& options);

// The model files the options need: throws EngineError(ModelMissing) naming
// the first one missing, with how to install them.
ModelFiles modelFilesFor(const CliOptions& options);

// The networks of modelFilesFor(), loaded. With --decoder-precision bf16,
// whether bfloat16 decoding pays on this machine is looked up (measured the
// first time, then remembered per processor); a note says so when it does
// not.
std::shared_ptr<const Models> loadModelsFor(const CliOptions& options);

// --focus X,Y in pixels of the original content: the fraction of its width
// and height the parameters keep. Throws EngineError(InvalidArgument) for a
// point outside the picture.
cv::Point2d focusFraction(const QPointF& pixels, cv::Size original);

}  // namespace depthstyle::cli
