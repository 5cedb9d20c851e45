#include "model_manifest.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "depthstyle/engine_error.h"
#include "model_hash_cache.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

bool isHexDigest(const std::string& text) {
    if (text.size() != 64) {
        return false;
    }
    for (char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit && !letter) {
            return false;
        }
    }
    return true;
}

// The hash the manifest lists for `name` ("<hash>  <name>" or "<hash> *<name>").
std::optional<std::string> listedHash(const fs::path& manifest, const std::string& name) {
    std::ifstream in(manifest);
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() < 67 || !isHexDigest(line.substr(0, 64)) || line[64] != ' ') {
            continue;
        }
        if ((line[65] == ' ' || line[65] == '*') &&
            line.compare(66, std::string::npos, name) == 0) {
            std::string hash = line.substr(0, 64);
            for (char& c : hash) {
                c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
            }
            return hash;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string checkedModelFile(const std::string& file) {
    std::error_code ec;
    const fs::path real = fs::canonical(file, ec);
    if (ec) {
        return file;  // missing or unreadable: the loader says which
    }
    const fs::path manifest = real.parent_path() / kManifestFileName;
    if (!fs::is_regular_file(manifest, ec)) {
        return file;
    }
    const std::string name = real.filename().string();
    const std::optional<std::string> listed = listedHash(manifest, name);
    const std::string advice =
        "; reinstall the set with packaging/fetch-models.sh --force (or --from FOLDER)";
    if (!listed) {
        throwFileError(
            ErrorKind::ModelInvalid, file,
            "not listed in the model set's manifest '" + manifest.string() + "'" + advice);
    }
    if (rememberedSha256(real.string()) != *listed) {
        throwFileError(ErrorKind::ModelInvalid, file,
                       "does not match the model set's manifest '" + manifest.string() +
                           "' (a set mixed from two installations, or a file changed after "
                           "installing)" +
                           advice);
    }
    return real.string();
}

}  // namespace depthstyle
