#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace depthstyle {

// `count` bytes (at most 4) at `at` as an unsigned number; the caller checks
// that they lie within `b`.
inline uint32_t bigEndian(const std::vector<unsigned char>& b, size_t at, int count) {
    uint32_t v = 0;
    for (int i = 0; i < count; ++i) {
        v = (v << 8) | b[at + static_cast<size_t>(i)];
    }
    return v;
}

inline uint32_t littleEndian(const std::vector<unsigned char>& b, size_t at, int count) {
    uint32_t v = 0;
    for (int i = count - 1; i >= 0; --i) {
        v = (v << 8) | b[at + static_cast<size_t>(i)];
    }
    return v;
}

}  // namespace depthstyle
