#include "depthstyle/video_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "file_extension.h"
#include "pending_temporary.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

}  // namespace

struct VideoReader::State {
    std::string path;
    cv::VideoCapture capture;
    double fps = 0;
    int stated = 0;
    int position = 0;
    cv::Mat bgr;
};

VideoReader::VideoReader(const std::string& path) : state_(std::make_unique<State>()) {
    state_->path = path;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throwFileError(ErrorKind::FileMissing, path, "no such file");
    }
    if (!S_ISREG(info.st_mode)) {
        throwFileError(ErrorKind::FileUnreadable, path, "not a regular file");
    }
    if (::access(path.c_str(), R_OK) != 0) {
        throwFileError(ErrorKind::FileUnreadable, path, "cannot read: permission denied");
    }
    if (info.st_size == 0) {
        throwFileError(ErrorKind::FileEmpty, path, "the file is empty (0 bytes)");
    }
    bool opened = false;
    try {
        opened = state_->capture.open(path, cv::CAP_FFMPEG);
    } catch (const cv::Exception&) {
        opened = false;
    }
    if (!opened || !state_->capture.isOpened()) {
        throwFileError(ErrorKind::NotAnImage, path, "not a video OpenCV's video I/O can read");
    }
    state_->fps = state_->capture.get(cv::CAP_PROP_FPS);
    if (!(state_->fps > 0 && state_->fps < 1000)) {
        state_->fps = 0;
    }
    const double frames = state_->capture.get(cv::CAP_PROP_FRAME_COUNT);
    state_->stated = frames > 0 && frames < 1e8 ? static_cast<int>(std::lround(frames)) : 0;
}

VideoReader::~VideoReader() = default;

double VideoReader::framesPerSecond() const {
    return state_->fps;
}
int VideoReader::statedFrames() const {
    return state_->stated;
}
int VideoReader::position() const {
    return state_->position;
}

bool VideoReader::next(Image& frame) {
    State& s = *state_;
    bool read = false;
    try {
        read = s.capture.read(s.bgr) && !s.bgr.empty();
    } catch (const cv::Exception&) {
        read = false;
    }
    if (!read) {
        if (s.position < s.stated) {
            throwFileError(ErrorKind::ImageCorrupt, s.path,
                           "frame " + std::to_string(s.position) +
                               " cannot be decoded (the file states " + std::to_string(s.stated) +
                               " frames; it is damaged or cut short)");
        }
        return false;
    }
    if (s.bgr.depth() != CV_8U || (s.bgr.channels() != 3 && s.bgr.channels() != 1)) {
        throwFileError(ErrorKind::ImageCorrupt, s.path,
                       "frame " + std::to_string(s.position) + " has an unexpected pixel format");
    }
    cv::Mat rgb8;
    cv::cvtColor(s.bgr, rgb8, s.bgr.channels() == 3 ? cv::COLOR_BGR2RGB : cv::COLOR_GRAY2RGB);
    Image image;
    rgb8.convertTo(image.rgb, CV_32FC3, 1.0 / 255.0);
    image.sourceBitDepth = 8;
    frame = std::move(image);
    ++s.position;
    return true;
}

void VideoReader::skipTo(int index) {
    State& s = *state_;
    while (s.position < index) {
        bool grabbed = false;
        try {
            grabbed = s.capture.grab();
        } catch (const cv::Exception&) {
            grabbed = false;
        }
        if (!grabbed) {
            throwFileError(ErrorKind::ImageCorrupt, s.path,
                           "frame " + std::to_string(s.position) +
                               " cannot be read; the clip ends before frame " +
                               std::to_string(index));
        }
        ++s.position;
    }
}

struct VideoWriter::State {
    std::string path;
    std::string temp;
    std::optional<PendingTemporary> pending;
    cv::VideoWriter writer;
    cv::Size size;
    int written = 0;
    bool finished = false;
};

VideoWriter::VideoWriter(const std::string& path, double fps, cv::Size size)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.path = path;
    s.size = size;
    const std::string ext = lowerExtension(path);
    if (!isWritableVideoPath(path)) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "cannot write a video of this kind; use .mp4, .m4v, .mov, .mkv or .avi, "
                       "or a picture sequence such as frames/%05d.png");
    }
    std::error_code folderError;
    const fs::path folder = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : ".";
    if (!fs::is_directory(folder, folderError)) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "cannot write: the folder '" + folder.string() + "' does not exist");
    }
    if (fs::is_directory(path, folderError)) {
        throwFileError(ErrorKind::OutputUnwritable, path, "cannot write: it is a directory");
    }
    std::random_device seed;
    std::mt19937 gen(seed());
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path candidate =
            dir / ("." + target.stem().string() + ".tmp" + std::to_string(gen() % 1000000) + ext);
        std::error_code ec;
        if (!fs::exists(candidate, ec)) {
            s.temp = candidate.string();
            break;
        }
    }
    if (s.temp.empty()) {
        throwFileError(ErrorKind::OutputUnwritable, path, "no free temporary name in its folder");
    }
    s.pending.emplace(s.temp);
    const int fourcc = ext == ".avi" ? cv::VideoWriter::fourcc('M', 'J', 'P', 'G')
                                     : cv::VideoWriter::fourcc('m', 'p', '4', 'v');
    bool opened = false;
    try {
        opened = s.writer.open(s.temp, cv::CAP_FFMPEG, fourcc, fps, size, true);
    } catch (const cv::Exception&) {
        opened = false;
    }
    if (!opened) {
        ::unlink(s.temp.c_str());
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "the video encoder did not open (codec or folder)");
    }
}

VideoWriter::~VideoWriter() {
    if (!state_->finished) {
        state_->writer.release();
        ::unlink(state_->temp.c_str());
    }
}

void VideoWriter::write(const Image& frame) {
    State& s = *state_;
    CV_Assert(frame.rgb.size() == s.size && frame.rgb.type() == CV_32FC3);
    cv::Mat rgb8;
    frame.rgb.convertTo(rgb8, CV_8UC3, 255.0);
    cv::Mat bgr;
    cv::cvtColor(rgb8, bgr, cv::COLOR_RGB2BGR);
    s.writer.write(bgr);
    ++s.written;
}

int VideoWriter::written() const {
    return state_->written;
}

void VideoWriter::finish() {
    State& s = *state_;
    s.writer.release();
    std::error_code ec;
    fs::rename(s.temp, s.path, ec);
    if (ec) {
        ::unlink(s.temp.c_str());
        s.finished = true;
        throwFileError(ErrorKind::OutputUnwritable, s.path,
                       "cannot put the video in place: " + ec.message());
    }
    s.finished = true;
}

}  // namespace depthstyle
