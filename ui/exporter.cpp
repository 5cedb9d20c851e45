#include "exporter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/map_io.h"
#include "depthstyle/strength_map.h"

namespace depthstyle::ui {
namespace {

std::string local(const QString& s) {
    return QFile::encodeName(s).toStdString();
}

std::vector<std::pair<std::string, std::string>> pngText(const QJsonObject& parameters) {
    return {{"Software", "DepthStyle " DEPTHSTYLE_VERSION},
            {"depthstyle", QJsonDocument(parameters).toJson(QJsonDocument::Compact).toStdString()}};
}

}  // namespace

QStringList exportAllFileNames() {
    return {"result.png",  "adain.png", "depth.png",      "strength.png",
            "content.png", "style.png", "depthstyle.json"};
}

QString sha256OfFile(const QString& path) {
    static QHash<QString, QPair<QDateTime, QString>> cache;
    const QFileInfo info(path);
    const auto cached = cache.constFind(path);
    if (cached != cache.constEnd() && cached->first == info.lastModified()) {
        return cached->second;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString hex = QString::fromLatin1(hash.result().toHex());
    cache.insert(path, {info.lastModified(), hex});
    return hex;
}

QJsonObject sidecarJson(const ExportBundle& b) {
    QJsonObject models;
    for (const std::string& file : {b.models.encoder, b.models.decoder, b.models.depth}) {
        const QString path = QString::fromStdString(file);
        models.insert(QFileInfo(path).fileName(), sha256OfFile(path));
    }
    QJsonArray files;
    for (const QString& name : exportAllFileNames()) {
        files.append(name);
    }
    return {{"format", "depthstyle-sidecar-1"},
            {"software", "DepthStyle " DEPTHSTYLE_VERSION},
            {"parameters", b.parameters.toJson()},
            {"plainAdainAlpha", b.plainAlpha},
            {"content", b.contentPath},
            {"style", b.stylePath},
            {"contentUsedSize", QJsonArray{b.contentUsed.width(), b.contentUsed.height()}},
            {"styleUsedSize", QJsonArray{b.styleUsed.width(), b.styleUsed.height()}},
            {"modelsSha256", models},
            {"files", files}};
}

void exportResult(const QString& path, const Image& result, int quality,
                  const QJsonObject& parameters) {
    saveImage(local(path), result, quality, pngText(parameters));
}

QStringList exportAll(const QString& folder, const ExportBundle& b) {
    const QDir dir(folder);
    if (!dir.exists()) {
        throwFileError(ErrorKind::OutputUnwritable, local(folder), "the folder does not exist");
    }
    const QJsonObject sidecar = sidecarJson(b);
    const QJsonObject parameters = sidecar.value("parameters").toObject();
    const QStringList names = exportAllFileNames();
    QStringList written;
    const auto path = [&](int i) {
        written << dir.filePath(names[i]);
        return local(written.last());
    };
    saveImage(path(0), b.result, 95, pngText(parameters));
    saveImage(path(1), b.plain, 95, pngText(parameters));
    saveProximityMap(path(2), b.proximity);
    saveUnitMap(path(3), strengthMapAtImageSize(b.strengthGrid, b.contentUsed.rgb.size()));
    saveImage(path(4), b.contentUsed);
    saveImage(path(5), b.styleUsed);
    QSaveFile json(dir.filePath(names[6]));
    if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(sidecar).toJson()) < 0 ||
        !json.commit()) {
        throwFileError(ErrorKind::OutputUnwritable, local(json.fileName()),
                       "cannot write: " + json.errorString().toStdString());
    }
    written << json.fileName();
    return written;
}

UiParameters readSidecar(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throwFileError(ErrorKind::FileUnreadable, local(path),
                       "cannot be opened: " + file.errorString().toStdString());
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull() || !doc.object().value("parameters").isObject()) {
        throwFileError(ErrorKind::FileUnreadable, local(path),
                       "not a DepthStyle sidecar (" +
                           (doc.isNull() ? error.errorString().toStdString()
                                         : std::string("no \"parameters\" object")) +
                           ")");
    }
    return UiParameters::fromJson(doc.object().value("parameters").toObject());
}

}  // namespace depthstyle::ui
