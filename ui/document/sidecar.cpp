#include "sidecar.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "depthstyle/engine_error.h"
#include "local_path.h"

namespace depthstyle::doc {
namespace {

constexpr qint64 kMaxSidecarBytes = 1 << 20;

}  // namespace

Sidecar readSidecar(const QString& path) {
    // Opened by its bytes: QFile would mangle a name that is not UTF-8.
    // Not blocking: a FIFO is refused below instead of waiting for a writer.
    const int descriptor = ::open(localPath(path).c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (descriptor < 0) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       std::string("cannot be opened: ") + std::strerror(errno));
    }
    struct stat info {};
    if (::fstat(descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
        const bool folder = S_ISDIR(info.st_mode);
        ::close(descriptor);
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       folder ? "is a directory, not a file"
                              : "is not a regular file (a pipe, a device or a socket)");
    }
    QFile file;
    if (!file.open(descriptor, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       "cannot be opened: " + file.errorString().toStdString());
    }
    if (file.size() > kMaxSidecarBytes) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       "not a DepthStyle sidecar (larger than 1 MiB)");
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxSidecarBytes), &error);
    const QJsonObject root = doc.object();
    if (doc.isNull() || !root.value("parameters").isObject()) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       "not a DepthStyle sidecar (" +
                           (doc.isNull() ? error.errorString().toStdString()
                                         : std::string("no \"parameters\" object")) +
                           ")");
    }
    if (root.contains("format") && root.value("format").toString() != kSidecarFormat) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       "unknown sidecar format '" + root.value("format").toString().toStdString() +
                           "' (expected " + kSidecarFormat + ")");
    }
    Sidecar sidecar;
    try {
        sidecar.parameters = Parameters::fromJsonStrict(root.value("parameters").toObject());
        resolveLayerPaths(sidecar.parameters, QFileInfo(path).absolutePath());
    } catch (const EngineError& e) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       std::string("bad parameter: ") + e.what());
    }
    sidecar.contentPath = root.value("content").toString();
    sidecar.stylePath = root.value("style").toString();
    const QJsonValue more = root.value("moreStyles");
    const QJsonArray moreList = more.toArray();
    if ((!more.isUndefined() && !more.isArray()) ||
        std::any_of(moreList.begin(), moreList.end(),
                    [](const QJsonValue& v) { return !v.isString(); })) {
        throwFileError(ErrorKind::FileUnreadable, localPath(path),
                       "bad parameter: \"moreStyles\" must be a list of file paths");
    }
    for (const QJsonValue& style : moreList) {
        sidecar.moreStylePaths << style.toString();
    }
    sidecar.plainAdainAlpha = root.value("plainAdainAlpha").toDouble(0.0);
    if (root.contains("tunedAt")) {
        // A final render's: the sizes the look was tuned at, checked as the
        // parameters' own sizes are.
        try {
            const Parameters tuned = Parameters::fromJsonStrict(root.value("tunedAt").toObject());
            sidecar.tunedContentSize = tuned.contentSize;
            sidecar.tunedStyleSize = tuned.styleSize;
        } catch (const EngineError& e) {
            throwFileError(ErrorKind::FileUnreadable, localPath(path),
                           std::string("bad parameter: tunedAt: ") + e.what());
        }
    }
    return sidecar;
}

Parameters Sidecar::workingParameters() const {
    Parameters p = parameters;
    if (tunedContentSize >= 0) {
        p.contentSize = tunedContentSize;
        p.styleSize = tunedStyleSize;
    }
    return p;
}

void writeJsonFile(const QString& path, const QJsonObject& json) {
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(json).toJson()) < 0 ||
        !out.commit()) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(path),
                       "cannot write: " + out.errorString().toStdString());
    }
}

}  // namespace depthstyle::doc
