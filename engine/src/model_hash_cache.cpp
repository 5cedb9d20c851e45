#include "model_hash_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cache_folder.h"
#include "depthstyle/file_hash.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxEntries = 64;

fs::path cacheFile() {
    const fs::path folder = cacheFolder();
    return folder.empty() ? fs::path() : folder / "model-hashes";
}

// "device inode size mtime-ns ctime-ns" followed by the path: the key of one
// entry. Empty when the file cannot be examined.
std::string identityOf(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return {};
    }
    std::ostringstream key;
    key << info.st_dev << ' ' << info.st_ino << ' ' << info.st_size << ' ' << info.st_mtim.tv_sec
        << '.' << info.st_mtim.tv_nsec << ' ' << info.st_ctim.tv_sec << '.' << info.st_ctim.tv_nsec
        << ' ' << path;
    return key.str();
}

// Each line: the 64-digit hash, one space, the identity.
std::vector<std::string> readEntries(const fs::path& file) {
    std::vector<std::string> entries;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() > 65 && line[64] == ' ') {
            entries.push_back(line);
        }
    }
    return entries;
}

void writeEntries(const fs::path& file, const std::vector<std::string>& entries) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    // Per process and per call: two threads loading models at once each
    // write their own file, and the last rename wins.
    static std::atomic<unsigned> calls{0};
    const std::string temporary = file.string() + ".tmp-" +
                                  std::to_string(static_cast<long>(::getpid())) + "-" +
                                  std::to_string(calls.fetch_add(1));
    {
        std::ofstream out(temporary, std::ios::trunc);
        const size_t first = entries.size() > kMaxEntries ? entries.size() - kMaxEntries : 0;
        for (size_t i = first; i < entries.size(); ++i) {
            out << entries[i] << '\n';
        }
        if (!out) {
            fs::remove(temporary, ec);
            return;
        }
    }
    fs::rename(temporary, file, ec);
    if (ec) {
        fs::remove(temporary, ec);
    }
}

}  // namespace

std::string rememberedSha256(const std::string& realPath) {
    const std::string identity = identityOf(realPath);
    const fs::path file = cacheFile();
    if (identity.empty() || file.empty() || identity.find('\n') != std::string::npos) {
        return sha256OfFile(realPath);
    }
    std::vector<std::string> entries = readEntries(file);
    for (const std::string& entry : entries) {
        if (entry.compare(65, std::string::npos, identity) == 0) {
            return entry.substr(0, 64);
        }
    }
    const std::string hash = sha256OfFile(realPath);
    // Hashing took a while: keep the entry only if the file did not change
    // meanwhile.
    if (identityOf(realPath) == identity) {
        entries.push_back(hash + ' ' + identity);
        writeEntries(file, entries);
    }
    return hash;
}

}  // namespace depthstyle
