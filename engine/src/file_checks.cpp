#include "file_checks.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "depthstyle/engine_error.h"

namespace depthstyle {

namespace fs = std::filesystem;

void requireReadableFile(const std::string& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (path.empty()) {
        throw EngineError(ErrorKind::FileMissing, "no file name given");
    }
    if (ec || !fs::exists(status)) {
        throwFileError(ErrorKind::FileMissing, path, "no such file");
    }
    if (fs::is_directory(status)) {
        throwFileError(ErrorKind::FileUnreadable, path, "is a directory, not a file");
    }
    // Before opening: a FIFO would block for ever, a device read for ever.
    if (!fs::is_regular_file(status)) {
        throwFileError(ErrorKind::FileUnreadable, path,
                       "is not a regular file (a pipe, a device or a socket)");
    }
    std::ifstream probe(path, std::ios::binary);
    if (!probe) {
        throwFileError(ErrorKind::FileUnreadable, path, "cannot be opened for reading");
    }
    if (fs::file_size(path, ec) == 0 && !ec) {
        throwFileError(ErrorKind::FileEmpty, path, "the file is empty (0 bytes)");
    }
}

std::vector<unsigned char> readInputFile(const std::string& path) {
    requireReadableFile(path);
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                     std::istreambuf_iterator<char>());
    if (in.bad()) {
        throwFileError(ErrorKind::FileUnreadable, path, "read error");
    }
    if (bytes.empty()) {
        throwFileError(ErrorKind::FileEmpty, path, "the file is empty (0 bytes)");
    }
    return bytes;
}

}  // namespace depthstyle
