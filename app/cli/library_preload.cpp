#include "library_preload.h"

#include <dlfcn.h>

#include <fstream>
#include <string>

namespace depthstyle::cli {

std::filesystem::path libraryListPath(const std::filesystem::path& module) {
    std::filesystem::path list = module;
    return list.replace_extension(".libraries");
}

void preloadLibraries(const std::filesystem::path& list) {
    std::ifstream names(list);
    std::string name;
    while (std::getline(names, name)) {
        if (name.empty() || name.front() == '#' || name.find('/') != std::string::npos) {
            continue;
        }
        // Kept loaded for the process's life, like the module.
        dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    }
}

}  // namespace depthstyle::cli
