#pragma once

#include <cstring>
#include <vector>

#include "byte_order.h"

namespace depthstyle {

// One chunk of a PNG file: its type, and where its data lie in the file.
struct PngChunk {
    const unsigned char* type;  // four bytes
    size_t dataAt;
    size_t length;
    bool inside;  // whether the data and CRC lie within the bytes given

    bool is(const char* name) const { return std::memcmp(type, name, 4) == 0; }
};

// Walks a PNG's chunks in order, after the 8-byte signature: `visit(chunk)`
// returns false to stop. A chunk whose header is cut off ends the walk; one
// whose data run past the end is visited (its type may still tell) and then
// ends it.
template <typename Visit>
void forEachPngChunk(const std::vector<unsigned char>& bytes, Visit visit) {
    size_t at = 8;
    while (at + 12 <= bytes.size()) {
        const size_t length = bigEndian(bytes, at, 4);
        const bool inside = length <= bytes.size() - at - 12;
        if (!visit(PngChunk{bytes.data() + at + 4, at + 8, length, inside}) || !inside) {
            return;
        }
        at += 12 + length;
    }
}

}  // namespace depthstyle
