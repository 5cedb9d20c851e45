#include "depthstyle/memory_estimate.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "depthstyle/engine_error.h"
#include "depthstyle/heap.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/tiling.h"
#include "exif_orientation.h"
#include "image_header.h"

namespace depthstyle {
namespace {

constexpr double kFeatureBytesPerBlock = 512.0 * 4.0;  // relu4_1: 512 floats per 8x8
constexpr double kPictureBytesPerPixel = 3.0 * 4.0;    // float RGB
constexpr double kMapBytesPerPixel = 4.0;              // the proximity map
// Stripes, carried rows, oneDNN scratch and the tensors kept whole between
// stretches, at the default stripe budget; they grow with it.
constexpr double kStripeBytes = 200.0 * 1024 * 1024;

double blocks(cv::Size size) {
    const cv::Size grid = featureGridSize(size);
    return static_cast<double>(grid.width) * static_cast<double>(grid.height);
}

double pixels(cv::Size size) {
    return static_cast<double>(size.width) * static_cast<double>(size.height);
}

// "3G", "2500M", "900k" or plain bytes; 0 when unset or unreadable.
std::uint64_t parseLimit(const char* text) {
    if (text == nullptr || *text == '\0') {
        return 0;
    }
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || !(value > 0.0) || !std::isfinite(value)) {
        return 0;
    }
    double scale = 1.0;
    switch (*end) {
        case 'k':
        case 'K':
            scale = 1024.0;
            break;
        case 'm':
        case 'M':
            scale = 1024.0 * 1024;
            break;
        case 'g':
        case 'G':
            scale = 1024.0 * 1024 * 1024;
            break;
        default:
            break;
    }
    return static_cast<std::uint64_t>(value * scale);
}

// A "Name:   1234 kB" line of a /proc file, in bytes; 0 when absent.
std::uint64_t procKilobytes(const char* file, const std::string& name) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, name.size(), name) == 0) {
            std::istringstream fields(line.substr(name.size()));
            std::uint64_t kilobytes = 0;
            fields >> kilobytes;
            return kilobytes * 1024;
        }
    }
    return 0;
}

// A "name value" line of a file such as cgroup's memory.stat; 0 when absent.
std::uint64_t statValue(const char* file, const std::string& name) {
    std::ifstream in(file);
    std::string key;
    std::uint64_t value = 0;
    while (in >> key >> value) {
        if (key == name) {
            return value;
        }
    }
    return 0;
}

std::uint64_t fileNumber(const char* path) {
    std::ifstream in(path);
    std::uint64_t value = 0;
    return (in >> value) ? value : 0;  // "max" reads as no number
}

}  // namespace

std::uint64_t estimatedRenderBytes(cv::Size content, cv::Size style) {
    const double n = pixels(content);
    const double features = kFeatureBytesPerBlock * blocks(content);
    const double held = kPictureBytesPerPixel * n + kMapBytesPerPixel * n + features +
                        kFeatureBytesPerBlock * blocks(style) +
                        kPictureBytesPerPixel * pixels(style);
    // Encoding adds its input tensor, decoding its output picture (at the
    // decoder's size, a multiple of 8): the larger of the two.
    const cv::Size grid = featureGridSize(content);
    const double decoded = kPictureBytesPerPixel * 64.0 * grid.width * grid.height;
    const double transient = std::max(kPictureBytesPerPixel * n, decoded);
    // Up to the largest budget the stripe tuning chooses (twice the default);
    // larger ones (tests' "one stripe") only run on small pictures.
    const double stripes =
        kStripeBytes *
        std::clamp(stripeBudgetBytes() / (kDefaultStripeBudgetMiB * 1024 * 1024), 1.0, 2.0);
    return static_cast<std::uint64_t>(held + transient + stripes);
}

std::uint64_t availableMemoryBytes() {
    std::uint64_t available = procKilobytes("/proc/meminfo", "MemAvailable:");
    const auto least = [&available](std::uint64_t room) {
        if (room > 0 && (available == 0 || room < available)) {
            available = room;
        }
    };
    const std::uint64_t resident = procKilobytes("/proc/self/status", "VmRSS:");
    const std::uint64_t cgroupLimit = fileNumber("/sys/fs/cgroup/memory.max");
    if (cgroupLimit > 0) {
        // The cgroup's usage counts page cache; what is inactive the kernel
        // reclaims before it refuses memory.
        const std::uint64_t current = fileNumber("/sys/fs/cgroup/memory.current");
        const std::uint64_t reclaimable = statValue("/sys/fs/cgroup/memory.stat", "inactive_file");
        const std::uint64_t used = current > reclaimable ? current - reclaimable : 0;
        least(cgroupLimit > used ? cgroupLimit - used : 1);
    }
    rlimit addressSpace{};
    if (getrlimit(RLIMIT_AS, &addressSpace) == 0 && addressSpace.rlim_cur != RLIM_INFINITY) {
        const std::uint64_t mapped = procKilobytes("/proc/self/status", "VmSize:");
        const std::uint64_t limit = addressSpace.rlim_cur;
        least(limit > mapped ? limit - mapped : 1);
    }
    const std::uint64_t cap = parseLimit(std::getenv("DEPTHSTYLE_MEMORY_LIMIT"));
    if (cap > 0) {
        least(cap > resident ? cap - resident : 1);
    }
    return available;
}

std::string memoryText(std::uint64_t bytes) {
    char text[32];
    const double megabytes = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (megabytes >= 1000.0) {
        std::snprintf(text, sizeof text, "%.1f GB", megabytes / 1024.0);
    } else {
        std::snprintf(text, sizeof text, "%.0f MB", megabytes);
    }
    return text;
}

namespace {

// The size a picture file declares, from its first megabyte.
std::optional<cv::Size> declaredSize(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return std::nullopt;  // a FIFO or a device would block or never end
    }
    std::ifstream file(path, std::ios::binary);
    std::vector<unsigned char> head(size_t{1} << 20);
    file.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(std::max<std::streamsize>(0, file.gcount())));
    const std::optional<DeclaredSize> size = declaredImageSize(head);
    if (!size || size->pixels() <= 0 || size->pixels() > kMaxProcessPixels * 16) {
        return std::nullopt;
    }
    // Orientations 5 to 8 turn the picture a quarter.
    const bool turned = exifOrientation(head) >= 5;
    return turned ? cv::Size(static_cast<int>(size->height), static_cast<int>(size->width))
                  : cv::Size(static_cast<int>(size->width), static_cast<int>(size->height));
}

}  // namespace

std::optional<cv::Size> declaredScaledSize(const std::string& path, int smallerSide) {
    const std::optional<cv::Size> pixels = declaredSize(path);
    if (!pixels) {
        return std::nullopt;
    }
    try {
        return checkScaledSize(*pixels, smallerSide, path);
    } catch (const EngineError&) {
        return std::nullopt;  // the run itself will say why
    }
}

std::uint64_t estimatedRenderBytes(const std::string& content, int contentSize,
                                   const std::string& style, int styleSize) {
    const std::optional<cv::Size> contentPixels = declaredScaledSize(content, contentSize);
    const std::optional<cv::Size> stylePixels = declaredScaledSize(style, styleSize);
    return contentPixels && stylePixels ? estimatedRenderBytes(*contentPixels, *stylePixels) : 0;
}

void requireMemoryForRender(cv::Size content, cv::Size style, const std::string& label,
                            std::uint64_t alreadyHeld) {
    const std::uint64_t needed = estimatedRenderBytes(content, style);
    const std::uint64_t free = availableMemoryBytes();
    if (free == 0) {
        return;  // nothing could be read: no grounds to refuse
    }
    // What is still free of the heap warmed for this run is memory the
    // render will use, though the system counts it as taken.
    const std::uint64_t available = free + alreadyHeld + reusableWarmedHeapBytes();
    if (needed <= available) {
        return;
    }
    // The largest smaller side, in steps of 8 pixels, whose estimate fits.
    const int smaller = std::min(content.width, content.height);
    int fits = 0;
    for (int side = smaller - smaller % 8; side >= kMinImageSide; side -= 8) {
        const double k = static_cast<double>(side) / smaller;
        const cv::Size scaled(static_cast<int>(content.width * k),
                              static_cast<int>(content.height * k));
        if (estimatedRenderBytes(scaled, style) <= available) {
            fits = side;
            break;
        }
    }
    std::string reason = "at " + std::to_string(content.width) + "x" +
                         std::to_string(content.height) + " the render needs about " +
                         memoryText(needed) + " of memory, and " + memoryText(available) +
                         " is available; ";
    reason += fits > 0 ? "choose a content size of at most " + std::to_string(fits) +
                             " pixels on the smaller side"
                       : "close other programs or use a machine with more memory";
    throwFileError(ErrorKind::OutOfMemory, label, reason);
}

}  // namespace depthstyle
