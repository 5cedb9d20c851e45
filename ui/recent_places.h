#pragma once

#include <QString>
#include <QStringList>

namespace depthstyle::ui {

// The folders and files the user worked with, kept in QSettings.
QString lastFolder(const QString& key);  // "content", "style", "depth", "export"
void rememberFolder(const QString& key, const QString& filePath);
void addRecentFile(const QString& key, const QString& path);  // "recent/content", ...
QStringList recentFiles(const QString& key);

// The file-dialog filter of the images the app opens.
QString imageFileFilter();

}  // namespace depthstyle::ui
