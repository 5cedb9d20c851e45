#include "png_text.h"

#include <array>
#include <cstdint>

namespace depthstyle {
namespace {

uint32_t crc32(const unsigned char* data, size_t size) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1U) ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
            }
            t[n] = c;
        }
        return t;
    }();
    uint32_t crc = 0xFFFFFFFFU;
    for (size_t i = 0; i < size; ++i) {
        crc = table[(crc ^ data[i]) & 0xFFU] ^ (crc >> 8U);
    }
    return crc ^ 0xFFFFFFFFU;
}

void appendBigEndian(std::vector<unsigned char>& out, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<unsigned char>(value >> shift));
    }
}

std::vector<unsigned char> itxtChunk(const std::string& key, const std::string& value) {
    std::vector<unsigned char> body{'i', 'T', 'X', 't'};
    body.insert(body.end(), key.begin(), key.end());
    // null separator, compression flag, method, empty language, empty translated key
    body.insert(body.end(), {0, 0, 0, 0, 0});
    body.insert(body.end(), value.begin(), value.end());
    std::vector<unsigned char> chunk;
    appendBigEndian(chunk, static_cast<uint32_t>(body.size() - 4));
    chunk.insert(chunk.end(), body.begin(), body.end());
    appendBigEndian(chunk, crc32(body.data(), body.size()));
    return chunk;
}

}  // namespace

void insertPngText(std::vector<unsigned char>& png, const TextEntries& entries) {
    constexpr size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;  // signature, IHDR length/type/data/CRC
    if (png.size() < kAfterIhdr) {
        return;
    }
    std::vector<unsigned char> chunks;
    for (const auto& [key, value] : entries) {
        if (key.empty() || key.size() > 79) {
            continue;
        }
        const std::vector<unsigned char> chunk = itxtChunk(key, value);
        chunks.insert(chunks.end(), chunk.begin(), chunk.end());
    }
    png.insert(png.begin() + kAfterIhdr, chunks.begin(), chunks.end());
}

}  // namespace depthstyle
