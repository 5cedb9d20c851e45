#include "depthstyle/engine_error.h"

namespace depthstyle {

std::string fileMessage(const std::string& path, const std::string& reason) {
    return "'" + path + "': " + reason;
}

void throwFileError(ErrorKind kind, const std::string& path, const std::string& reason) {
    throw EngineError(kind, fileMessage(path, reason));
}

}  // namespace depthstyle
