// Which picture files the engine writes, told by the name alone (no OpenCV:
// the command line checks names before it loads the work).
#include <algorithm>
#include <iterator>

#include "depthstyle/image_io.h"
#include "file_extension.h"

namespace depthstyle {

bool isWritableImageExtension(const std::string& path) {
    static const char* const known[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp"};
    const std::string ext = lowerExtension(path);
    return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return ext == k; });
}

}  // namespace depthstyle
