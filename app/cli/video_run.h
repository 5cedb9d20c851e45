#pragma once

#include "cli_options.h"

namespace depthstyle::cli {

// Renders a video content (options.isVideo()) into a video file or a
// numbered picture sequence: the style encoded once, each frame's depth
// normalised with the clip's statistics (a first pass, or --video-stats)
// or per frame. Returns 0, 1 after an error (one line naming the file and
// the frame; sequence frames already written stay), or kInterruptedExit
// after Ctrl+C.
int runVideo(const CliOptions& options);

}  // namespace depthstyle::cli
