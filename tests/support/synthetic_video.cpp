#include "synthetic_video.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "synthetic_images.h"

namespace depthstyle::test {
namespace {

cv::Rect squareAt(int index, int frames, cv::Size size) {
    const int side = std::max(8, size.height / 3);
    const int travel = size.width - side;
    const int x = frames > 1 ? travel * index / (frames - 1) : 0;
    return {x, size.height - side - size.height / 8, side, side};
}

}  // namespace

cv::Mat syntheticClipFrame(int index, int frames, cv::Size size) {
    cv::Mat frame = makeContentPicture(size.width, size.height);
    const cv::Rect square = squareAt(index, frames, size);
    cv::rectangle(frame, square, cv::Scalar(40, 60, 230), cv::FILLED);
    cv::rectangle(frame, square, cv::Scalar(250, 250, 250), 2);
    return frame;
}

cv::Mat syntheticClipStillPart(int frames, cv::Size size) {
    cv::Mat still(size, CV_8UC1, cv::Scalar(255));
    for (int i = 0; i < frames; ++i) {
        const cv::Rect square = squareAt(i, frames, size);
        cv::rectangle(still, square - cv::Point(8, 8) + cv::Size(16, 16), cv::Scalar(0),
                      cv::FILLED);
    }
    return still;
}

bool writeSyntheticClip(const std::string& path, int frames, cv::Size size, double fps) {
    const bool avi = path.size() > 4 && path.substr(path.size() - 4) == ".avi";
    cv::VideoWriter writer(path, cv::CAP_FFMPEG,
                           avi ? cv::VideoWriter::fourcc('M', 'J', 'P', 'G')
                               : cv::VideoWriter::fourcc('m', 'p', '4', 'v'),
                           fps, size);
    if (!writer.isOpened()) {
        return false;
    }
    for (int i = 0; i < frames; ++i) {
        writer.write(syntheticClipFrame(i, frames, size));
    }
    writer.release();
    return true;
}

}  // namespace depthstyle::test
