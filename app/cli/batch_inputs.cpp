#include "batch_inputs.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

#include "depthstyle/engine_error.h"
#include "local_path.h"

namespace depthstyle::cli {

bool hasImageExtension(const QString& path) {
    static const QStringList extensions{"jpg", "jpeg", "png", "tif", "tiff", "webp", "bmp"};
    return extensions.contains(QFileInfo(path).suffix().toLower());
}

QStringList expandInputs(const QStringList& paths) {
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << path;  // a missing or bad file is reported when it is read
            continue;
        }
        QDir folder(path);
        if (!info.isReadable() || !info.isExecutable()) {
            throwFileError(ErrorKind::FileUnreadable, doc::localPath(path),
                           "cannot list the folder: permission denied");
        }
        QStringList names;
        for (const QString& name : folder.entryList(QDir::Files | QDir::Readable)) {
            if (hasImageExtension(name)) {
                names << name;
            }
        }
        if (names.isEmpty()) {
            throwFileError(ErrorKind::FileUnreadable, doc::localPath(path),
                           "the folder holds no image (jpg, jpeg, png, tif, tiff, webp, bmp)");
        }
        QCollator natural;
        natural.setNumericMode(true);
        std::sort(names.begin(), names.end(),
                  [&natural](const QString& a, const QString& b) { return natural(a, b); });
        for (const QString& name : names) {
            files << folder.filePath(name);
        }
    }
    return files;
}

QStringList readListFile(const QString& listFile) {
    QFile file(listFile);
    if (!file.open(QIODevice::ReadOnly)) {
        throwFileError(ErrorKind::FileUnreadable, doc::localPath(listFile),
                       "cannot read the list: " + file.errorString().toStdString());
    }
    const QDir base = QFileInfo(listFile).absoluteDir();
    QStringList paths;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        paths << (QFileInfo(line).isAbsolute() ? line : base.filePath(line));
    }
    if (paths.isEmpty()) {
        throwFileError(ErrorKind::FileUnreadable, doc::localPath(listFile),
                       "the list names no file");
    }
    return paths;
}

}  // namespace depthstyle::cli
