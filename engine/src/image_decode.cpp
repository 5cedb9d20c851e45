#include "image_decode.h"

#include <algorithm>
#include <array>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "exif_orientation.h"
#include "image_header.h"
#include "png_chunks.h"

namespace depthstyle {
namespace {

bool startsWith(const std::vector<unsigned char>& bytes, std::initializer_list<unsigned char> sig) {
    return bytes.size() >= sig.size() && std::equal(sig.begin(), sig.end(), bytes.begin());
}

bool isJpeg(const std::vector<unsigned char>& bytes) {
    return startsWith(bytes, {0xFF, 0xD8, 0xFF});
}

// A complete JPEG ends its last scan (SOS marker FF DA) with an EOI marker
// (FF D9). Inside entropy-coded data 0xFF is always stuffed, so FF D9 after
// the last FF DA only occurs when the file is complete.
bool jpegLooksComplete(const std::vector<unsigned char>& bytes) {
    long lastSos = -1;
    long lastEoi = -1;
    for (size_t i = 0; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != 0xFF) {
            continue;
        }
        if (bytes[i + 1] == 0xDA) {
            lastSos = static_cast<long>(i);
        } else if (bytes[i + 1] == 0xD9) {
            lastEoi = static_cast<long>(i);
        }
    }
    return lastSos >= 0 && lastEoi > lastSos;
}

bool isPng(const std::vector<unsigned char>& bytes) {
    return startsWith(bytes, {0x89, 'P', 'N', 'G'});
}

// A complete PNG has its chunks (length, type, data, CRC) up to an IEND
// chunk; bytes after IEND are ignored, as every viewer does.
bool pngLooksComplete(const std::vector<unsigned char>& bytes) {
    bool complete = false;
    forEachPngChunk(bytes, [&](const PngChunk& chunk) {
        complete = chunk.is("IEND");
        return !complete;
    });
    return complete;
}

bool isTiff(const std::vector<unsigned char>& bytes) {
    return startsWith(bytes, {'I', 'I', 42, 0}) || startsWith(bytes, {'M', 'M', 0, 42});
}

// A PNG has alpha when its colour type says so (4: grey and alpha, 6: RGBA)
// or it has a tRNS chunk (transparency for a palette or one colour).
bool pngMayHaveAlpha(const std::vector<unsigned char>& bytes) {
    if (bytes.size() > 25 && (bytes[25] == 4 || bytes[25] == 6)) {
        return true;
    }
    bool transparency = false;
    forEachPngChunk(bytes, [&](const PngChunk& chunk) {
        transparency = chunk.is("tRNS");
        return !transparency && !chunk.is("IDAT");  // tRNS comes before the image data
    });
    return transparency;
}

// Formats whose files may carry an alpha channel (a PNG only when it says
// so: decoding a large photo twice costs a second and its memory).
bool mayHaveAlpha(const std::vector<unsigned char>& bytes) {
    const bool png = isPng(bytes) && pngMayHaveAlpha(bytes);
    const bool tiff = isTiff(bytes);
    const bool webp =
        bytes.size() >= 12 && std::equal(bytes.begin() + 8, bytes.begin() + 12, "WEBP");
    const bool bmp = startsWith(bytes, {'B', 'M'});
    return png || tiff || webp || bmp;
}

// A float TIFF with colour channels, as some depth tools write maps: OpenCV
// cannot decode it as grey (an assertion). Its first channel when all agree;
// empty when the file is no such TIFF.
cv::Mat floatColourMap(const std::string& path, const cv::Mat& buffer) {
    const cv::Mat unchanged = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    if (unchanged.empty() || unchanged.channels() == 1 ||
        (unchanged.depth() != CV_32F && unchanged.depth() != CV_64F)) {
        return {};
    }
    std::vector<cv::Mat> planes;
    cv::split(unchanged, planes);
    // Grey and alpha, or colour and alpha: alpha is not compared.
    const int colours = unchanged.channels() >= 3 ? 3 : 1;
    for (int c = 1; c < colours; ++c) {
        // |a - b| > 0: NaN holes that all channels share do not count here
        // (the caller refuses NaN with its own message).
        cv::Mat difference;
        cv::absdiff(planes[0], planes[static_cast<size_t>(c)], difference);
        cv::Mat differs;
        cv::compare(difference, 0.0, differs, cv::CMP_GT);
        if (cv::countNonZero(differs) > 0) {
            throwFileError(ErrorKind::NotAnImage, path,
                           "a float depth map must have one channel; this one has " +
                               std::to_string(unchanged.channels()) +
                               " channels that differ (save the depth as a one-channel TIFF)");
        }
    }
    return planes[0];
}

// The stored picture turned upright for an EXIF orientation (1-8).
cv::Mat upright(const cv::Mat& in, int orientation) {
    cv::Mat out;
    switch (orientation) {
        case 2:
            cv::flip(in, out, 1);
            return out;
        case 3:
            cv::rotate(in, out, cv::ROTATE_180);
            return out;
        case 4:
            cv::flip(in, out, 0);
            return out;
        case 5:
            cv::transpose(in, out);
            return out;
        case 6:
            cv::rotate(in, out, cv::ROTATE_90_CLOCKWISE);
            return out;
        case 7:
            cv::transpose(in, out);
            cv::rotate(out, out, cv::ROTATE_180);
            return out;
        case 8:
            cv::rotate(in, out, cv::ROTATE_90_COUNTERCLOCKWISE);
            return out;
        default:
            return in;
    }
}

// `verb`: "declares" (read from the header, before decoding) or "has".
[[noreturn]] void throwTooLarge(const std::string& path, const char* verb, long long width,
                                long long height) {
    throwFileError(ErrorKind::ImageTooLarge, path,
                   std::string("the image ") + verb + " " + std::to_string(width) + "x" +
                       std::to_string(height) + " pixels, more than the limit of " +
                       std::to_string(kMaxInputPixels / 1'000'000) + " megapixels");
}

}  // namespace

DecodedPixels decodeImageBytes(const std::string& path, const std::vector<unsigned char>& bytes,
                               bool wantGray) {
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1,
                         const_cast<unsigned char*>(bytes.data()));
    // The declared size first: a small file may claim gigapixels, and the
    // decoder would allocate them before finding out.
    if (const std::optional<DeclaredSize> declared = declaredImageSize(bytes);
        declared && declared->pixels() > kMaxInputPixels) {
        throwTooLarge(path, "declares", declared->width, declared->height);
    }
    // Truncation is checked before decoding, so that the codec libraries do
    // not print their own warnings for it.
    if ((isJpeg(bytes) && !jpegLooksComplete(bytes)) ||
        (isPng(bytes) && !pngLooksComplete(bytes))) {
        throwFileError(ErrorKind::ImageCorrupt, path, "the image data is truncated");
    }
    // Orientation is applied here, from the file's own EXIF, to colour and
    // alpha alike: OpenCV applies it to some formats' colour only (JPEG, PNG)
    // and never to the decode that keeps alpha.
    const int colorFlag = wantGray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
    DecodedPixels out;
    if (wantGray && isTiff(bytes)) {
        if (cv::Mat map = floatColourMap(path, buffer); !map.empty()) {
            out.color = upright(map, exifOrientation(bytes));
            return out;
        }
    }
    try {
        out.color =
            cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_IGNORE_ORIENTATION | colorFlag);
    } catch (const cv::Exception& e) {
        throwFileError(ErrorKind::ImageCorrupt, path, "cannot be decoded (" + e.err + ")");
    }
    if (out.color.empty()) {
        const bool known = cv::haveImageReader(path);
        if (!known) {
            throwFileError(ErrorKind::NotAnImage, path,
                           "not an image in a supported format (JPEG, PNG, TIFF, WebP, BMP)");
        }
        throwFileError(ErrorKind::ImageCorrupt, path, "the image data is truncated or damaged");
    }
    if (static_cast<long long>(out.color.total()) > kMaxInputPixels) {
        throwTooLarge(path, "has", out.color.cols, out.color.rows);
    }
    const int orientation = exifOrientation(bytes);
    out.color = upright(out.color, orientation);
    if (wantGray || !mayHaveAlpha(bytes)) {
        return out;
    }
    const cv::Mat unchanged = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    const int channels = unchanged.channels();
    if (unchanged.empty() || (channels != 2 && channels != 4)) {
        return out;
    }
    cv::Mat alpha;
    cv::extractChannel(unchanged, alpha, channels - 1);
    out.alpha = upright(alpha, orientation);
    return out;
}

}  // namespace depthstyle
