#include "batch_inputs.h"

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

bool naturalLess(const QString& a, const QString& b) {
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype startA = i;
            const qsizetype startB = j;
            while (i < a.size() && a[i].isDigit()) {
                ++i;
            }
            while (j < b.size() && b[j].isDigit()) {
                ++j;
            }
            // Leading zeros aside, a longer run of digits is the larger number.
            const QString numberA = a.mid(startA, i - startA);
            const QString numberB = b.mid(startB, j - startB);
            const auto trimmed = [](const QString& n) {
                qsizetype k = 0;
                while (k + 1 < n.size() && n[k] == QLatin1Char('0')) {
                    ++k;
                }
                return n.mid(k);
            };
            const QString x = trimmed(numberA);
            const QString y = trimmed(numberB);
            if (x.size() != y.size()) {
                return x.size() < y.size();
            }
            if (x != y) {
                return x < y;
            }
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return (a.size() - i) < (b.size() - j);
    }
    return a < b;  // equal but for leading zeros: a fixed order all the same
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
        for (const QString& name : folder.entryList(QDir::Files)) {
            if (hasImageExtension(name)) {
                names << name;
            }
        }
        if (names.isEmpty()) {
            throwFileError(ErrorKind::FileUnreadable, doc::localPath(path),
                           "the folder holds no image (jpg, jpeg, png, tif, tiff, webp, bmp)");
        }
        std::sort(names.begin(), names.end(), naturalLess);
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
