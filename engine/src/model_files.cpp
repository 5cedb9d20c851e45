#include "depthstyle/model_files.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

}  // namespace

ModelFiles ModelFiles::inDirectory(const std::string& directory) {
    const fs::path dir(directory);
    return {(dir / kEncoderFileName).string(), (dir / kDecoderFileName).string(),
            (dir / kDepthFileName).string()};
}

std::string userModelDirectory() {
    std::string base = environment("XDG_DATA_HOME");
    if (base.empty()) {
        base = (fs::path(environment("HOME")) / ".local" / "share").string();
    }
    return (fs::path(base) / "depthstyle" / "models").string();
}

std::vector<std::string> modelSearchPath(const std::string& explicitDirectory) {
    if (!explicitDirectory.empty()) {
        return {explicitDirectory};
    }
    const std::string fromEnvironment = environment("DEPTHSTYLE_MODELS");
    if (!fromEnvironment.empty()) {
        return {fromEnvironment};
    }
    std::vector<std::string> path{userModelDirectory()};
    std::string systemDirs = environment("XDG_DATA_DIRS");
    if (systemDirs.empty()) {
        systemDirs = "/usr/local/share:/usr/share";
    }
    std::stringstream dirs(systemDirs);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (!dir.empty()) {
            path.push_back((fs::path(dir) / "depthstyle" / "models").string());
        }
    }
    return path;
}

std::string chooseModelDirectory(const std::string& explicitDirectory) {
    const std::vector<std::string> path = modelSearchPath(explicitDirectory);
    for (const std::string& dir : path) {
        std::error_code ec;
        if (fs::exists(fs::path(dir) / kEncoderFileName, ec)) {
            return dir;
        }
    }
    return path.front();
}

std::vector<std::string> missingModelFiles(const ModelFiles& files, bool needDepth) {
    std::vector<std::string> missing;
    for (const std::string* file : {&files.encoder, &files.decoder, &files.depth}) {
        if (file == &files.depth && !needDepth) {
            continue;
        }
        std::error_code ec;
        if (!fs::is_regular_file(*file, ec)) {
            missing.push_back(*file);
        }
    }
    return missing;
}

}  // namespace depthstyle
