#pragma once

#include <optional>
#include <vector>

#include <opencv2/core/types.hpp>

namespace depthstyle {

// The pixel size a file declares in its header (JPEG, PNG, BMP, WebP,
// TIFF), read without decoding, so that limits are checked before the
// decoder allocates anything. Empty when the format is not one of these or
// its header is too short to say; 64-bit, so no size overflows.
struct DeclaredSize {
    long long width = 0;
    long long height = 0;
    long long pixels() const { return width * height; }
};
std::optional<DeclaredSize> declaredImageSize(const std::vector<unsigned char>& bytes);

}  // namespace depthstyle
