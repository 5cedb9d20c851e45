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
    QSettings s;
    QStringList recent = s.value(key).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    s.setValue(key, recent.mid(0, 10));
}

QStringList recentFiles(const QString& key) {
    return QSettings().value(key).toStringList();
}

QString imageFileFilter() {
    return QCoreApplication::translate("MainWindow",
                                       "Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)");
}

}  // namespace depthstyle::ui
