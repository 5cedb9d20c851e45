#pragma once

#include <string>
#include <utility>
#include <vector>

#include "parameters.h"

namespace depthstyle::doc {

// The text chunks every PNG result of the app and the CLI carries:
// "Software" (DepthStyle and its version) and "depthstyle" (the parameters as
// compact JSON, the sidecar's "parameters" object).
std::vector<std::pair<std::string, std::string>> pngTextEntries(const Parameters& parameters);

}  // namespace depthstyle::doc
