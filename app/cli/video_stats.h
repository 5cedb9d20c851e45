#pragma once

#include <QString>
#include <opencv2/core/types.hpp>

#include "depthstyle/strength_map.h"

namespace depthstyle::cli {

// A clip's first pass (--video-stats FILE): the normalisation of its depth
// over every frame, and what it was made from, so that chunks of one clip
// rendered on several machines read the same numbers.
struct VideoStats {
    ClipNormalisation clip;
    int frames = 0;
    cv::Size contentSize;  // frames as scaled for the run
    QString video;         // the clip's file name (not its folder)
    qint64 videoBytes = 0;
};

// Written atomically as JSON (numbers exact: they read back bit for bit).
// Throws EngineError(OutputUnwritable) naming the file.
void writeVideoStats(const QString& path, const VideoStats& stats);

// Throws EngineError naming the file when it cannot be read or is not a
// DepthStyle video statistics file.
VideoStats readVideoStats(const QString& path);

// Throws EngineError(InvalidArgument) naming the file when `stats` were
// made for another clip (name, size in bytes) or another content size.
void requireStatsFor(const QString& path, const VideoStats& stats, const VideoStats& clip);

}  // namespace depthstyle::cli
