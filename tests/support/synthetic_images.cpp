#include "synthetic_images.h"

#include <cmath>
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

std::vector<unsigned char> jpegWithOrientation(const cv::Mat& pixels, int orientation) {
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", pixels, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    // APP1: "Exif\0\0", little-endian TIFF header, IFD0 with one entry:
    // Orientation (tag 0x0112), SHORT, count 1.
    const std::vector<unsigned char> app1{0xFF,
                                          0xE1,
                                          0x00,
                                          34,
                                          'E',
                                          'x',
                                          'i',
                                          'f',
                                          0,
                                          0,
                                          'I',
                                          'I',
                                          42,
                                          0,
                                          8,
                                          0,
                                          0,
                                          0,  // TIFF header, IFD at 8
                                          1,
                                          0,  // one entry
                                          0x12,
                                          0x01,
                                          3,
                                          0,
                                          1,
                                          0,
                                          0,
                                          0,  // tag, type, count
                                          static_cast<unsigned char>(orientation),
                                          0,
                                          0,
                                          0,  // value
                                          0,
                                          0,
                                          0,
                                          0};  // no next IFD
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

}  // namespace depthstyle::test
