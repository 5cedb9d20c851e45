#include "file_hash.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include "depthstyle/engine_error.h"
#include "depthstyle/file_hash.h"
#include "local_path.h"

namespace depthstyle::doc {
namespace {

struct Stamp {
    QDateTime modified;
    qint64 size = -1;
    QString hex;
};

QMutex cacheMutex;
QHash<QString, Stamp>& cache() {
    static QHash<QString, Stamp> entries;
    return entries;
}

}  // namespace

QString sha256OfFile(const QString& path) {
    const QFileInfo info(path);
    {
        const QMutexLocker lock(&cacheMutex);
        const auto found = cache().constFind(path);
        if (found != cache().constEnd() && found->modified == info.lastModified() &&
            found->size == info.size()) {
            return found->hex;
        }
    }
    if (!info.isFile()) {
        return {};
    }
    QString hex;
    try {
        hex = QString::fromStdString(depthstyle::sha256OfFile(localPath(path)));
    } catch (const EngineError&) {
        return {};  // unreadable: no hash, as documented
    }
    const QMutexLocker lock(&cacheMutex);
    cache().insert(path, {info.lastModified(), info.size(), hex});
    return hex;
}

}  // namespace depthstyle::doc
