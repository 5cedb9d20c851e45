#include "exif_orientation.h"

#include <cstdint>
#include <cstring>

#include "byte_order.h"
#include "png_chunks.h"

namespace depthstyle {
namespace {

constexpr int kUpright = 1;
constexpr uint16_t kOrientationTag = 0x0112;

// Reads the orientation from a TIFF structure (an EXIF block is one) of
// `size` bytes at `data`.
int orientationInTiff(const unsigned char* data, size_t size) {
    if (size < 8) {
        return kUpright;
    }
    bool little = false;
    if (data[0] == 'I' && data[1] == 'I') {
        little = true;
    } else if (!(data[0] == 'M' && data[1] == 'M')) {
        return kUpright;
    }
    const auto u16 = [&](size_t at) -> uint32_t {
        return little ? uint32_t(data[at]) | uint32_t(data[at + 1]) << 8
                      : uint32_t(data[at]) << 8 | uint32_t(data[at + 1]);
    };
    const auto u32 = [&](size_t at) -> uint32_t {
        return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2);
    };
    if (u16(2) != 42) {
        return kUpright;
    }
    const size_t directory = u32(4);
    if (directory > size - 2) {
        return kUpright;
    }
    const size_t entries = u16(directory);
    for (size_t i = 0; i < entries; ++i) {
        const size_t entry = directory + 2 + 12 * i;
        if (entry + 12 > size) {
            break;
        }
        // Type 3 (SHORT), count 1: the value sits in the entry itself.
        if (u16(entry) == kOrientationTag && u16(entry + 2) == 3 && u32(entry + 4) == 1) {
            const int value = static_cast<int>(u16(entry + 8));
            return value >= 1 && value <= 8 ? value : kUpright;
        }
    }
    return kUpright;
}

bool startsWith(const std::vector<unsigned char>& bytes, size_t at, const char* text, size_t n) {
    return at + n <= bytes.size() && std::memcmp(bytes.data() + at, text, n) == 0;
}

int orientationInJpeg(const std::vector<unsigned char>& bytes) {
    size_t at = 2;
    while (at + 4 <= bytes.size() && bytes[at] == 0xFF) {
        const unsigned char marker = bytes[at + 1];
        if (marker == 0xDA || marker == 0xD9) {
            break;  // image data: no more metadata segments
        }
        const size_t length = bigEndian(bytes, at + 2, 2);
        if (length < 2 || at + 2 + length > bytes.size()) {
            break;
        }
        if (marker == 0xE1 && length >= 8 && startsWith(bytes, at + 4, "Exif\0\0", 6)) {
            return orientationInTiff(bytes.data() + at + 10, length - 8);
        }
        at += 2 + length;
    }
    return kUpright;
}

int orientationInPng(const std::vector<unsigned char>& bytes) {
    int orientation = kUpright;
    forEachPngChunk(bytes, [&](const PngChunk& chunk) {
        if (chunk.is("eXIf") && chunk.inside) {
            orientation = orientationInTiff(bytes.data() + chunk.dataAt, chunk.length);
            return false;
        }
        return !chunk.is("IEND");
    });
    return orientation;
}

int orientationInWebp(const std::vector<unsigned char>& bytes) {
    size_t at = 12;
    while (at + 8 <= bytes.size()) {
        const size_t length = size_t(bytes[at + 4]) | size_t(bytes[at + 5]) << 8 |
                              size_t(bytes[at + 6]) << 16 | size_t(bytes[at + 7]) << 24;
        if (length > bytes.size() - at - 8) {
            break;
        }
        if (startsWith(bytes, at, "EXIF", 4)) {
            size_t skip = 0;  // some writers keep JPEG's "Exif\0\0" prefix
            if (length >= 6 && startsWith(bytes, at + 8, "Exif\0\0", 6)) {
                skip = 6;
            }
            return orientationInTiff(bytes.data() + at + 8 + skip, length - skip);
        }
        at += 8 + length + (length & 1);
    }
    return kUpright;
}

}  // namespace

int exifOrientation(const std::vector<unsigned char>& bytes) {
    if (startsWith(bytes, 0, "\xFF\xD8\xFF", 3)) {
        return orientationInJpeg(bytes);
    }
    if (startsWith(bytes, 0, "\x89PNG", 4)) {
        return orientationInPng(bytes);
    }
    if (startsWith(bytes, 0, "RIFF", 4) && startsWith(bytes, 8, "WEBP", 4)) {
        return orientationInWebp(bytes);
    }
    // TIFF is left out on purpose: OpenCV's TIFF decoder reads the tag itself
    // (it flips the rows of bottom-origin files), so applying it here too
    // would turn such a picture twice.
    return kUpright;
}

}  // namespace depthstyle
