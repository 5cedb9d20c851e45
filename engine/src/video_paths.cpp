// Which paths are videos or numbered picture sequences, told by the name
// alone (no OpenCV: the command line checks names before it loads the work).
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <regex>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/video_io.h"
#include "file_extension.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

template <size_t N>
bool oneOf(const std::string& ext, const char* const (&known)[N]) {
    return std::any_of(std::begin(known), std::end(known),
                       [&](const char* k) { return ext == std::string(".") + k; });
}

// "%d" or "%0Nd", once, and no other '%' field.
const std::regex& sequenceField() {
    static const std::regex field("%(0[0-9]{1,2})?d");
    return field;
}

}  // namespace

bool isVideoPath(const std::string& path) {
    static const char* const known[] = {"mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg",  "mpeg",
                                        "wmv", "flv", "ogv", "3gp", "ts",  "mts",  "m2ts", "gif"};
    return oneOf(lowerExtension(path), known);
}

bool isWritableVideoPath(const std::string& path) {
    static const char* const known[] = {"mp4", "m4v", "mov", "mkv", "avi"};
    return oneOf(lowerExtension(path), known);
}

bool isSequencePattern(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    const auto fields = std::distance(
        std::sregex_iterator(name.begin(), name.end(), sequenceField()), std::sregex_iterator());
    const auto percents = std::count(name.begin(), name.end(), '%');
    return fields == 1 && percents == 1 && isWritableImageExtension(path) &&
           fs::path(path).parent_path().string().find('%') == std::string::npos;
}

std::string sequenceFile(const std::string& pattern, int index) {
    if (!isSequencePattern(pattern)) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "'" + pattern + "' is not a numbered sequence such as frames/%05d.png");
    }
    std::smatch match;
    const std::string name = fs::path(pattern).filename().string();
    std::regex_search(name, match, sequenceField());
    const int width = match[1].matched ? std::stoi(match[1].str()) : 0;
    std::string number = std::to_string(index);
    if (static_cast<int>(number.size()) < width) {
        number.insert(0, size_t(width) - number.size(), '0');
    }
    const std::string file = match.prefix().str() + number + match.suffix().str();
    return (fs::path(pattern).parent_path() / file).string();
}

}  // namespace depthstyle
