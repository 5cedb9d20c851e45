#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <opencv2/core/types.hpp>

namespace depthstyle {

// What a render of a content at `content` pixels with a style at `style`
// pixels holds at its peak, in bytes, beyond the process's own start-up
// memory: the content's float pixels and proximity map, the relu4_1 features
// of content and style (512 floats per 8x8 block), the encoder's input
// tensor or the decoder's output picture, and the stripes in between. The
// figures are the engine's own allocations; the README's table compares the
// estimate with measured peaks.
std::uint64_t estimatedRenderBytes(cv::Size content, cv::Size style);

// The same for picture files, from the sizes their headers declare (read
// without decoding), scaled to the smaller sides given (0: the file's own
// size). 0 when a header does not say or a size is out of range.
std::uint64_t estimatedRenderBytes(const std::string& content, int contentSize,
                                   const std::string& style, int styleSize);

// The size a picture file will have once decoded and turned upright, from
// its header (and its EXIF orientation) read without decoding, scaled to
// the smaller side given (0: its own size). Nothing when the header does not
// say or the size is out of range.
std::optional<cv::Size> declaredScaledSize(const std::string& path, int smallerSide);

// Memory this process may still take, in bytes: the least of the system's
// available memory, the room left under the cgroup's limit, the room left
// in the address-space limit (ulimit -v), and $DEPTHSTYLE_MEMORY_LIMIT (a
// cap such as "3G" or "2500M" on the whole process, less what it uses).
// 0 when none of them can be read.
std::uint64_t availableMemoryBytes();

// Throws EngineError(OutOfMemory) before any work when the estimate for
// these sizes exceeds the memory available: one line saying how much is
// needed, how much there is, and the content size that would fit.
// `label` names the content in the message. `alreadyHeld`: the part of the
// estimate the caller holds already (the loaded pictures), counted as
// available to the render.
void requireMemoryForRender(cv::Size content, cv::Size style, const std::string& label,
                            std::uint64_t alreadyHeld = 0);

// "2.9 GB", "850 MB": sizes in messages.
std::string memoryText(std::uint64_t bytes);

}  // namespace depthstyle
