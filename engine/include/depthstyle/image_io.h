#pragma once

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "depthstyle/image.h"

namespace depthstyle {

// Largest image file the engine decodes, in pixels (width x height).
constexpr long long kMaxInputPixels = 100'000'000LL;

// Reads JPEG, PNG, TIFF, WebP or BMP; 8- or 16-bit or float; grayscale is
// expanded to three channels; alpha is kept aside; EXIF orientation applied.
// Throws EngineError naming the file and the reason.
Image loadImage(const std::string& path);

// Reads a single-channel map (8/16-bit or float; colour files are converted
// to grayscale) as CV_32FC1: 8-bit and 16-bit values scaled to [0,1], float
// values kept as they are. Throws EngineError naming the file.
cv::Mat loadGrayMap(const std::string& path);

// True when OpenCV can write the extension of `path` (png, jpg, jpeg, tif,
// tiff, webp, bmp).
bool isWritableImageExtension(const std::string& path);

// Everything about an output path that can be known before any work, so a
// run fails before the render instead of after it: a known extension, an
// existing folder, not a folder itself, a temporary name (".NAME.tmpNNNNNN")
// the file system accepts, and, when `size` is given, a size the format
// can hold (WebP: at most 16383 pixels a side). Throws
// EngineError(OutputUnwritable) naming the file.
void checkOutputPath(const std::string& path, cv::Size size = cv::Size());

// Throws EngineError(OutputUnwritable) naming `output` when it is one of
// `inputs` (the same file, through any path or link).
void refuseToOverwriteInputs(const std::string& output, const std::vector<std::string>& inputs);

// Encodes `pixels` by the extension of `path` and writes it atomically: a
// temporary file created exclusively in the same directory, then a rename.
// Nothing is left behind on failure. A file replaced keeps its permission
// bits; a symlink stays and its target gets the picture. `pixels` is in OpenCV's channel order
// (BGR/BGRA) and depth. `pngText` entries become iTXt chunks when the format is PNG.
void writeEncodedAtomically(const std::string& path, const cv::Mat& pixels, int jpegQuality = 95,
                            const std::vector<std::pair<std::string, std::string>>& pngText = {});

// Removes the temporary files being written now; async-signal-safe, for a
// program's SIGINT/SIGTERM handler (an interrupted run leaves none behind).
void removePendingTemporaryFiles();

// The result as 8-bit BGR(A) for writing, alpha re-attached when present and
// the format keeps it.
cv::Mat toOutputPixels(const Image& image, const std::string& path);

// Writes an image (RGB float in [0,1], optional alpha) atomically.
void saveImage(const std::string& path, const Image& image, int jpegQuality = 95,
               const std::vector<std::pair<std::string, std::string>>& pngText = {});

}  // namespace depthstyle
