#include "recent_places.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace depthstyle::ui {

QString lastFolder(const QString& key) {
    return QSettings()
        .value("folders/" + key, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
        .toString();
}

void rememberFolder(const QString& key, const QString& filePath) {
    QSettings().setValue("folders/" + key, QFileInfo(filePath).absolutePath());
}

void addRecentFile(const QString& key, const QString& path) {
    // Absolute and clean, so that one file is one entry however it was named.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings s;
    QStringList recent = s.value(key).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    s.setValue(key, recent.mid(0, 10));
}

QStringList recentFiles(const QString& key) {
    // Files that have gone since are dropped from the list.
    QStringList kept;
    for (const QString& path : QSettings().value(key).toStringList()) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (QFileInfo::exists(absolute) && !kept.contains(absolute)) {
            kept << absolute;
        }
    }
    return kept;
}

QString imageFileFilter() {
    return QCoreApplication::translate("MainWindow",
                                       "Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)");
}

}  // namespace depthstyle::ui
