#pragma once

#include <limits>
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
    // Saturating: two 32-bit sides can overflow even 64 bits.
    long long pixels() const {
        if (width <= 0 || height <= 0) {
            return 0;
        }
        constexpr long long kMost = std::numeric_limits<long long>::max();
        return height > kMost / width ? kMost : width * height;
    }
};
std::optional<DeclaredSize> declaredImageSize(const std::vector<unsigned char>& bytes);

}  // namespace depthstyle
