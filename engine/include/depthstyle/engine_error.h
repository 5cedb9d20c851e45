#pragma once

#include <stdexcept>
#include <string>

namespace depthstyle {

// What went wrong, so that callers (the CLI, the app, tests) can react without
// parsing messages.
enum class ErrorKind {
    FileMissing,       // an input file does not exist
    FileUnreadable,    // exists but cannot be read (permissions, a directory, ...)
    FileEmpty,         // zero bytes
    NotAnImage,        // not in a format we can decode
    ImageCorrupt,      // recognised format, but truncated or damaged
    ImageTooSmall,     // smaller side below the encoder's minimum
    ImageTooLarge,     // beyond the documented pixel limit
    ModelMissing,      // a model file is not where it is looked for
    ModelInvalid,      // a model file is unreadable, in the wrong format, or has wrong tensors
    OutputUnwritable,  // the output cannot be written (directory, permissions, would overwrite
                       // input)
    InvalidArgument,   // a parameter out of range
    Cancelled,         // the caller asked to stop
    OutOfMemory,       // the work needs more memory than there is
    Internal,          // an unexpected failure inside a library
};

// The one exception type the engine throws. The message names the file (where
// there is one) and the reason, ready to show to a user as one line.
class EngineError : public std::runtime_error {
public:
    EngineError(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    // A file's error: the message is fileMessage(file, reason), and the two
    // parts stay apart so that an interface can translate the reason.
    EngineError(ErrorKind kind, const std::string& file, const std::string& reason);

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& file() const noexcept { return file_; }      // empty: not a file's error
    const std::string& reason() const noexcept { return reason_; }  // empty: not a file's error

private:
    ErrorKind kind_;
    std::string file_;
    std::string reason_;
};

// "file 'x': reason" in one place, so that all messages read alike.
std::string fileMessage(const std::string& path, const std::string& reason);

[[noreturn]] void throwFileError(ErrorKind kind, const std::string& path,
                                 const std::string& reason);

}  // namespace depthstyle
