#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/run_trace.h"
#include "file_extension.h"
#include "pending_temporary.h"
#include "png_text.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

bool formatKeepsAlpha(const std::string& ext) {
    return ext == ".png" || ext == ".tif" || ext == ".tiff" || ext == ".webp";
}

std::string temporarySibling(const fs::path& target) {
    std::random_device seed;
    std::mt19937 gen(seed());
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    return (dir / ("." + target.filename().string() + ".tmp" + std::to_string(gen() % 1000000)))
        .string();
}

// The file a path names in the end: through symlinks (a link stays a link
// and its target gets the new contents), also when the target does not
// exist yet.
fs::path throughSymlinks(fs::path path) {
    std::error_code ec;
    for (int hops = 0; hops < 40 && fs::is_symlink(path, ec); ++hops) {
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) {
            break;
        }
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    return path;
}

void writeBytesAtomically(const std::string& path, const std::vector<unsigned char>& bytes) {
    const fs::path target = throughSymlinks(path);
    // Created exclusively: never another process's file, never a link.
    std::string temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = temporarySibling(target);
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) {
            throwFileError(ErrorKind::OutputUnwritable, path,
                           std::string("cannot write into its folder: ") + std::strerror(errno));
        }
    }
    if (fd < 0) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "cannot write into its folder: no free temporary name");
    }
    const PendingTemporary pending(temp);
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ::close(fd);
            ::unlink(temp.c_str());
            throwFileError(ErrorKind::OutputUnwritable, path, "write failed (disk full?)");
        }
        written += static_cast<size_t>(n);
    }
    // The file replaced keeps its permission bits (0600 stays 0600).
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0) {
        ::fchmod(fd, existing.st_mode & 07777);
    }
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        throwFileError(ErrorKind::OutputUnwritable, path, "write failed (disk full?)");
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        ::unlink(temp.c_str());
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "cannot replace the file: " + ec.message());
    }
}

void requireWritableDirectory(const std::string& path) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "cannot write: the folder '" + dir.string() + "' does not exist");
    }
    if (fs::is_directory(target, ec)) {
        throwFileError(ErrorKind::OutputUnwritable, path, "cannot write: it is a directory");
    }
}

}  // namespace

void refuseToOverwriteInputs(const std::string& output, const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (!input.empty() && fs::equivalent(output, input, ec)) {
            throwFileError(ErrorKind::OutputUnwritable, output,
                           "refusing to overwrite an input file");
        }
    }
}

void checkOutputPath(const std::string& path, cv::Size size) {
    if (!isWritableImageExtension(path)) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "unknown image extension; use .png, .jpg, .tif, .webp or .bmp");
    }
    requireWritableDirectory(path);
    // The temporary sibling adds "." and ".tmpNNNNNN" to the name.
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const long nameMax = pathconf(dir.c_str(), _PC_NAME_MAX);
    const size_t limit = nameMax > 0 ? static_cast<size_t>(nameMax) : 255;
    if (target.filename().string().size() + 11 > limit) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "the file name is too long (at most " + std::to_string(limit - 11) +
                           " bytes here, to leave room for the temporary name)");
    }
    constexpr int kWebpMaxSide = 16383;
    if (lowerExtension(path) == ".webp" &&
        (size.width > kWebpMaxSide || size.height > kWebpMaxSide)) {
        throwFileError(ErrorKind::OutputUnwritable, path,
                       "WebP holds at most " + std::to_string(kWebpMaxSide) +
                           " pixels a side; this picture is " + std::to_string(size.width) + "x" +
                           std::to_string(size.height) + " (use .png or .tif)");
    }
}

void writeEncodedAtomically(const std::string& path, const cv::Mat& pixels, int jpegQuality,
                            const TextEntries& pngText) {
    checkOutputPath(path, pixels.size());
    const std::string ext = lowerExtension(path);
    std::vector<int> options;
    if (ext == ".jpg" || ext == ".jpeg" || ext == ".webp") {
        options = {ext == ".webp" ? cv::IMWRITE_WEBP_QUALITY : cv::IMWRITE_JPEG_QUALITY,
                   std::clamp(jpegQuality, 1, 100)};
    }
    std::vector<unsigned char> encoded;
    bool ok = false;
    try {
        ok = cv::imencode(ext, pixels, encoded, options);
    } catch (const cv::Exception& e) {
        throwFileError(ErrorKind::OutputUnwritable, path, "cannot encode the image: " + e.err);
    }
    if (!ok || encoded.empty()) {
        throwFileError(ErrorKind::OutputUnwritable, path, "cannot encode the image");
    }
    if (ext == ".png" && !pngText.empty()) {
        insertPngText(encoded, pngText);
    }
    writeBytesAtomically(path, encoded);
}

cv::Mat toOutputPixels(const Image& image, const std::string& path) {
    // To 8 bits first (saturating, rounding to nearest), then the channels
    // swapped in place: no float copy of the picture.
    cv::Mat out;
    image.rgb.convertTo(out, CV_8U, 255.0);
    cv::cvtColor(out, out, cv::COLOR_RGB2BGR);
    if (image.hasAlpha() && formatKeepsAlpha(lowerExtension(path))) {
        cv::Mat alpha;
        image.alpha.convertTo(alpha, CV_8U, 255.0);
        cv::merge(std::vector<cv::Mat>{out, alpha}, out);
    }
    return out;
}

void saveImage(const std::string& path, const Image& image, int jpegQuality,
               const TextEntries& pngText) {
    const trace::Part part("image encoding and writing");
    if (image.empty()) {
        throwFileError(ErrorKind::InvalidArgument, path, "there is no picture to write");
    }
    writeEncodedAtomically(path, toOutputPixels(image, path), jpegQuality, pngText);
}

}  // namespace depthstyle
