#include "depthstyle/engine_error.h"

namespace depthstyle {

std::string fileMessage(const std::string& path, const std::string& reason) {
    return "'" + path + "': " + reason;
}

EngineError::EngineError(ErrorKind kind, const std::string& file, const std::string& reason)
    : std::runtime_error(fileMessage(file, reason)), kind_(kind), file_(file), reason_(reason) {}

void throwFileError(ErrorKind kind, const std::string& path, const std::string& reason) {
    throw EngineError(kind, path, reason);
}

}  // namespace depthstyle
