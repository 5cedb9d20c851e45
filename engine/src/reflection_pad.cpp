#include "reflection_pad.h"

#include <ATen/ATen.h>

#include <atomic>

namespace depthstyle {
namespace {

std::atomic<uint64_t> padsInPlace{0};
std::atomic<uint64_t> padsCopied{0};

// The whole buffer of a MarginRows's `rows`; undefined when `rows` is not
// the rows of one (another view could share its storage).
at::Tensor marginBufferOf(const at::Tensor& rows) {
    if (!rows.defined() || rows.dim() != 4 || rows.size(0) != 1 || rows.numel() == 0) {
        return {};
    }
    const int64_t c = rows.size(1);
    const int64_t h = rows.size(2);
    const int64_t w = rows.size(3);
    const int64_t pitch = (w + 2) * c;
    const int64_t bufferRows = kMarginRowsAbove + h + 1;
    const bool ours =
        rows.stride(1) == 1 && rows.stride(2) == pitch && rows.stride(3) == c &&
        rows.storage_offset() == kMarginRowsAbove * pitch + c &&
        rows.storage().nbytes() == static_cast<size_t>(bufferRows * pitch) * rows.element_size();
    if (!ours) {
        return {};
    }
    return rows.as_strided({1, c, bufferRows, w + 2}, {bufferRows * pitch, 1, pitch, c}, 0);
}

// The reflected columns, then the reflected top and bottom rows (which so
// carry the corners), of `out`, whose inner rows and columns are filled.
void reflectBorders(at::Tensor& out, int64_t w, bool top, bool bottom) {
    const int64_t paddedHeight = out.size(2);
    out.narrow(3, 0, 1).copy_(out.narrow(3, 2, 1));
    out.narrow(3, w + 1, 1).copy_(out.narrow(3, w - 1, 1));
    if (top) {
        out.narrow(2, 0, 1).copy_(out.narrow(2, 2, 1));
    }
    if (bottom) {
        out.narrow(2, paddedHeight - 1, 1).copy_(out.narrow(2, paddedHeight - 3, 1));
    }
}

int64_t rowsOf(const at::Tensor& t) {
    return t.defined() ? t.size(2) : 0;
}

}  // namespace

MarginRows emptyMarginRows(const at::Tensor& like, int64_t channels, int64_t height,
                           int64_t width) {
    const at::Tensor buffer =
        at::empty({1, channels, kMarginRowsAbove + height + 1, width + 2},
                  like.options().memory_format(at::MemoryFormat::ChannelsLast));
    const at::Tensor written = buffer.narrow(2, kMarginRowsAbove, height);
    return {written, written.narrow(3, 1, width)};
}

PadCounts reflectionPadCounts() {
    return {padsInPlace.load(), padsCopied.load()};
}

at::Tensor upsampleIntoMargins(const at::Tensor& in, int64_t skip, int64_t rows) {
    const int64_t c = in.size(1);
    const int64_t w = in.size(3);
    const at::Tensor out = emptyMarginRows(in, c, rows, 2 * w).rows;
    const int64_t pitch = out.stride(2);
    // Output row r is input row (skip + r) / 2: the even rows r, then the
    // odd ones, each in one copy that also doubles the columns.
    for (const int64_t first : {0, 1}) {
        if (first >= rows) {
            continue;
        }
        const int64_t count = (rows - first + 1) / 2;
        at::Tensor to = out.as_strided({1, c, count, w, 2}, {out.stride(0), 1, 2 * pitch, 2 * c, c},
                                       out.storage_offset() + first * pitch);
        to.copy_(in.narrow(2, (skip + first) / 2, count).unsqueeze(4).expand({1, c, count, w, 2}));
    }
    return out;
}

at::Tensor reflectionPadRows(const at::Tensor& kept, const at::Tensor& fresh, bool top, bool bottom,
                             bool freshInMargins) {
    const int64_t keptRows = rowsOf(kept);
    const int64_t h = keptRows + rowsOf(fresh);
    const at::Tensor& any = rowsOf(fresh) > 0 ? fresh : kept;
    const int64_t w = any.size(3);
    const int64_t t = top ? 1 : 0;
    const int64_t paddedHeight = h + t + (bottom ? 1 : 0);
    const at::Tensor buffer = freshInMargins ? marginBufferOf(fresh) : at::Tensor();
    if (buffer.defined() && keptRows + t <= kMarginRowsAbove) {
        // The fresh rows are in place: the kept ones go above them.
        at::Tensor out = buffer.narrow(2, kMarginRowsAbove - keptRows - t, paddedHeight);
        if (keptRows > 0) {
            out.narrow(2, t, keptRows).narrow(3, 1, w).copy_(kept);
        }
        reflectBorders(out, w, top, bottom);
        padsInPlace.fetch_add(1, std::memory_order_relaxed);
        return out;
    }
    padsCopied.fetch_add(1, std::memory_order_relaxed);
    at::Tensor out = at::empty({any.size(0), any.size(1), paddedHeight, w + 2},
                               any.options().memory_format(at::MemoryFormat::ChannelsLast));
    int64_t row = t;
    for (const at::Tensor* piece : {&kept, &fresh}) {
        if (rowsOf(*piece) > 0) {
            out.narrow(2, row, piece->size(2)).narrow(3, 1, w).copy_(*piece);
            row += piece->size(2);
        }
    }
    reflectBorders(out, w, top, bottom);
    return out;
}

}  // namespace depthstyle
