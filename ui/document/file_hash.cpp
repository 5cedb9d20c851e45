#include "file_hash.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

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
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString hex = QString::fromLatin1(hash.result().toHex());
    const QMutexLocker lock(&cacheMutex);
    cache().insert(path, {info.lastModified(), info.size(), hex});
    return hex;
}

}  // namespace depthstyle::doc
