#include "image_header.h"

#include <cstdint>
#include <cstdlib>

#include "byte_order.h"

namespace depthstyle {
namespace {

using Bytes = std::vector<unsigned char>;

bool has(const Bytes& b, size_t offset, size_t count) {
    return offset + count <= b.size();
}

bool startsWith(const Bytes& b, std::initializer_list<unsigned char> sig, size_t at = 0) {
    if (!has(b, at, sig.size())) {
        return false;
    }
    size_t i = at;
    for (unsigned char c : sig) {
        if (b[i++] != c) {
            return false;
        }
    }
    return true;
}

// PNG: the IHDR chunk comes first: width and height, big-endian.
std::optional<DeclaredSize> png(const Bytes& b) {
    if (!startsWith(b, {'I', 'H', 'D', 'R'}, 12) || !has(b, 16, 8)) {
        return std::nullopt;
    }
    return DeclaredSize{bigEndian(b, 16, 4), bigEndian(b, 20, 4)};
}

// JPEG: the segments up to the first start-of-frame marker, whose payload
// holds the precision, the height and the width.
std::optional<DeclaredSize> jpeg(const Bytes& b) {
    size_t at = 2;
    while (has(b, at, 4)) {
        if (b[at] != 0xFF) {
            return std::nullopt;
        }
        const unsigned char marker = b[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        const bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (!has(b, at + 5, 4)) {
                return std::nullopt;
            }
            return DeclaredSize{bigEndian(b, at + 7, 2), bigEndian(b, at + 5, 2)};
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;  // markers without a length
            continue;
        }
        at += 2 + bigEndian(b, at + 2, 2);
    }
    return std::nullopt;
}

// BMP: the info header's width and height (a negative height is top-down).
std::optional<DeclaredSize> bmp(const Bytes& b) {
    if (!has(b, 18, 8)) {
        return std::nullopt;
    }
    const auto width = static_cast<int32_t>(littleEndian(b, 18, 4));
    const auto height = static_cast<int32_t>(littleEndian(b, 22, 4));
    return DeclaredSize{std::llabs(width), std::llabs(height)};
}

// WebP: the first chunk is VP8X (canvas size), VP8L (lossless) or VP8.
std::optional<DeclaredSize> webp(const Bytes& b) {
    if (startsWith(b, {'V', 'P', '8', 'X'}, 12) && has(b, 24, 6)) {
        return DeclaredSize{littleEndian(b, 24, 3) + 1LL, littleEndian(b, 27, 3) + 1LL};
    }
    if (startsWith(b, {'V', 'P', '8', 'L'}, 12) && has(b, 21, 4)) {
        const uint32_t bits = littleEndian(b, 21, 4);
        return DeclaredSize{(bits & 0x3FFF) + 1LL, ((bits >> 14) & 0x3FFF) + 1LL};
    }
    if (startsWith(b, {'V', 'P', '8', ' '}, 12) && has(b, 26, 4)) {
        return DeclaredSize{littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF};
    }
    return std::nullopt;
}

// TIFF: tags 256 (width) and 257 (length) of the first image directory.
std::optional<DeclaredSize> tiff(const Bytes& b, bool little) {
    const auto read = [&](size_t at, int count) {
        return little ? littleEndian(b, at, count) : bigEndian(b, at, count);
    };
    if (!has(b, 4, 4)) {
        return std::nullopt;
    }
    const size_t directory = read(4, 4);
    if (!has(b, directory, 2)) {
        return std::nullopt;
    }
    const uint32_t entries = read(directory, 2);
    DeclaredSize size;
    for (uint32_t i = 0; i < entries; ++i) {
        const size_t entry = directory + 2 + 12 * size_t{i};
        if (!has(b, entry, 12)) {
            return std::nullopt;
        }
        const uint32_t tag = read(entry, 2);
        const uint32_t type = read(entry + 2, 2);
        const uint32_t value = type == 3 ? read(entry + 8, 2) : read(entry + 8, 4);
        if (tag == 256) {
            size.width = value;
        } else if (tag == 257) {
            size.height = value;
        }
    }
    if (size.width == 0 || size.height == 0) {
        return std::nullopt;
    }
    return size;
}

}  // namespace

std::optional<DeclaredSize> declaredImageSize(const Bytes& bytes) {
    if (startsWith(bytes, {0x89, 'P', 'N', 'G'})) {
        return png(bytes);
    }
    if (startsWith(bytes, {0xFF, 0xD8, 0xFF})) {
        return jpeg(bytes);
    }
    if (startsWith(bytes, {'B', 'M'})) {
        return bmp(bytes);
    }
    if (startsWith(bytes, {'R', 'I', 'F', 'F'}) && startsWith(bytes, {'W', 'E', 'B', 'P'}, 8)) {
        return webp(bytes);
    }
    if (startsWith(bytes, {'I', 'I', 42, 0})) {
        return tiff(bytes, true);
    }
    if (startsWith(bytes, {'M', 'M', 0, 42})) {
        return tiff(bytes, false);
    }
    return std::nullopt;
}

}  // namespace depthstyle
