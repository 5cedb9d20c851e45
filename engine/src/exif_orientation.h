#pragma once

#include <vector>

namespace depthstyle {

// The EXIF orientation (1-8; 1 when absent or unreadable) recorded in an
// image file's bytes: a JPEG's APP1 "Exif" segment, a PNG's eXIf chunk or a
// WebP's EXIF chunk. A TIFF file's own tag is OpenCV's to apply (its
// decoder does). Only the bytes given are read, within their bounds.
int exifOrientation(const std::vector<unsigned char>& bytes);

}  // namespace depthstyle
