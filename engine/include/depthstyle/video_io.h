#pragma once

#include <memory>
#include <string>

#include <opencv2/core/types.hpp>

#include "depthstyle/image.h"

namespace depthstyle {

// Whether a path names a video by its extension (mp4, m4v, mov, avi, mkv,
// webm, mpg, mpeg, wmv, flv, ogv, 3gp, ts, mts, m2ts, gif; any case).
bool isVideoPath(const std::string& path);

// Whether `path` names a numbered picture sequence: a printf pattern with
// one integer field (%d, %05d) and an image extension, as "out/%05d.png".
bool isSequencePattern(const std::string& path);

// A sequence pattern's file for 0-based frame `index`. Throws
// EngineError(InvalidArgument) for a pattern that is not one.
std::string sequenceFile(const std::string& pattern, int index);

// The frames of a video file, in order, through OpenCV's video I/O.
class VideoReader {
public:
    // Throws EngineError naming the file: FileMissing, FileUnreadable, or
    // NotAnImage ("not a video OpenCV's video I/O can read").
    explicit VideoReader(const std::string& path);
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    // Frames per second as the file states it (0 when it states none).
    double framesPerSecond() const;
    // The frame count the file's header gives (may be 0 or approximate).
    int statedFrames() const;
    // The 0-based index of the frame next() gives.
    int position() const;

    // The next frame as an Image (RGB float, 8-bit source); false at the
    // clip's end. A frame that cannot be decoded before the end the header
    // states throws EngineError(ImageCorrupt) naming the file and the frame.
    bool next(Image& frame);
    // Decodes and drops frames up to `index` (exact for every codec).
    void skipTo(int index);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// A video file written frame by frame into a temporary file beside it,
// renamed over `path` by finish(); destroyed unfinished (an error, Ctrl+C),
// the temporary file is removed and `path` left as it was. The codec
// follows the extension: MPEG-4 Part 2 in .mp4, .m4v, .mov and .mkv,
// Motion JPEG in .avi.
class VideoWriter {
public:
    // Throws EngineError(OutputUnwritable) naming `path` for an extension
    // it cannot write, a folder it cannot write into, or an encoder that
    // does not open.
    VideoWriter(const std::string& path, double framesPerSecond, cv::Size size);
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    void write(const Image& frame);
    int written() const;
    void finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Whether VideoWriter takes this extension (mp4, m4v, mov, mkv, avi).
bool isWritableVideoPath(const std::string& path);

}  // namespace depthstyle
