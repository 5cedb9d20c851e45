#include "synthetic_images.h"

#include <cmath>
#include <cstdint>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace depthstyle::test {

cv::Mat makeContentPicture(int width, int height) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.at<cv::Vec3b>(y, x) =
                cv::Vec3b(static_cast<uchar>(255 * x / std::max(1, width - 1)),
                          static_cast<uchar>(255 * y / std::max(1, height - 1)),
                          static_cast<uchar>(128 + 100 * std::sin(0.2 * (x + y))));
        }
    }
    cv::circle(image, {width / 3, height / 2}, std::max(2, height / 4), {30, 200, 60}, -1);
    cv::rectangle(image, {width / 2, height / 5}, {width - width / 8, height / 2}, {220, 40, 90},
                  -1);
    return image;
}

cv::Mat makeStylePicture(int width, int height) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const bool stripe = ((x / 4) + (y / 6)) % 2 == 0;
            image.at<cv::Vec3b>(y, x) = stripe ? cv::Vec3b(90, 120, 180) : cv::Vec3b(160, 180, 100);
        }
    }
    cv::line(image, {0, 0}, {width - 1, height - 1}, {60, 60, 60}, 3);
    return image;
}

cv::Mat makeProximityPicture(int width, int height) {
    cv::Mat map(height, width, CV_32FC1);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double dx = x - width * 0.6;
            const double dy = y - height * 0.6;
            const bool disc = dx * dx + dy * dy < (height * 0.2) * (height * 0.2);
            map.at<float>(y, x) = disc ? 0.95f : static_cast<float>(0.7 * y / height);
        }
    }
    return map;
}

bool writePicture(const std::string& path, const cv::Mat& pixels) {
    return cv::imwrite(path, pixels);
}

namespace {

using Bytes = std::vector<unsigned char>;

// An EXIF block: a little-endian TIFF header and IFD0 with one entry,
// Orientation (tag 0x0112), SHORT, count 1, then no next IFD.
Bytes exifBlock(int orientation) {
    return {'I',  'I',  42, 0, 8, 0, 0, 0,  // header, IFD at 8
            1,    0,                        // one entry
            0x12, 0x01, 3,  0, 1, 0, 0, 0, static_cast<unsigned char>(orientation),
            0,    0,    0,  0, 0, 0, 0};
}

void appendBigEndian(Bytes& out, uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<unsigned char>(value >> shift));
    }
}

void appendLittleEndian(Bytes& out, uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
    }
}

// CRC-32 as PNG defines it (ISO 3309, reflected, polynomial 0xEDB88320).
uint32_t pngCrc(const unsigned char* data, size_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

}  // namespace

std::vector<unsigned char> jpegWithOrientation(const cv::Mat& pixels, int orientation) {
    Bytes jpeg;
    cv::imencode(".jpg", pixels, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    const Bytes exif = exifBlock(orientation);
    Bytes app1{0xFF, 0xE1, 0, static_cast<unsigned char>(2 + 6 + exif.size()), 'E', 'x', 'i',
               'f',  0,    0};
    app1.insert(app1.end(), exif.begin(), exif.end());
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

std::vector<unsigned char> pngWithOrientation(const cv::Mat& pixels, int orientation) {
    Bytes png;
    cv::imencode(".png", pixels, png);
    // An eXIf chunk right after IHDR (8-byte signature, then 25 bytes).
    const Bytes exif = exifBlock(orientation);
    Bytes chunk;
    appendBigEndian(chunk, static_cast<uint32_t>(exif.size()));
    const std::string type = "eXIf";
    chunk.insert(chunk.end(), type.begin(), type.end());
    chunk.insert(chunk.end(), exif.begin(), exif.end());
    appendBigEndian(chunk, pngCrc(chunk.data() + 4, chunk.size() - 4));
    png.insert(png.begin() + 8 + 25, chunk.begin(), chunk.end());
    return png;
}

std::vector<unsigned char> webpWithOrientation(const cv::Mat& pixels, int orientation) {
    Bytes simple;
    cv::imencode(".webp", pixels, simple, {cv::IMWRITE_WEBP_QUALITY, 101});  // lossless
    // The extended format: VP8X (flags: EXIF 0x08, alpha 0x10; canvas size
    // minus one), the image chunk as encoded, then EXIF.
    Bytes body{'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'};
    appendLittleEndian(body, 10, 4);
    body.push_back(static_cast<unsigned char>(0x08 | (pixels.channels() == 4 ? 0x10 : 0)));
    appendLittleEndian(body, 0, 3);
    appendLittleEndian(body, static_cast<uint32_t>(pixels.cols - 1), 3);
    appendLittleEndian(body, static_cast<uint32_t>(pixels.rows - 1), 3);
    body.insert(body.end(), simple.begin() + 12, simple.end());
    const Bytes exif = exifBlock(orientation);
    const std::string type = "EXIF";
    body.insert(body.end(), type.begin(), type.end());
    appendLittleEndian(body, static_cast<uint32_t>(exif.size()), 4);
    body.insert(body.end(), exif.begin(), exif.end());
    if (exif.size() % 2 != 0) {
        body.push_back(0);
    }
    Bytes webp{'R', 'I', 'F', 'F'};
    appendLittleEndian(webp, static_cast<uint32_t>(body.size()), 4);
    webp.insert(webp.end(), body.begin(), body.end());
    return webp;
}

}  // namespace depthstyle::test
