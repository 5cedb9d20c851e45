#include "export_bundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/map_io.h"
#include "depthstyle/strength_map.h"
#include "file_hash.h"
#include "local_path.h"
#include "png_metadata.h"
#include "sidecar.h"

namespace depthstyle::doc {
QStringList exportAllFileNames() {
    return {"result.png",  "adain.png", "depth.png",     "strength.png",
            "content.png", "style.png", kSidecarFileName};
}

QJsonObject sidecarJson(const ExportBundle& b) {
    QJsonObject models;
    for (const std::string& file : {b.models.encoder, b.models.decoder, b.models.depth}) {
        const QString path = QFile::decodeName(file.c_str());
        models.insert(QFileInfo(path).fileName(), sha256OfFile(path));
    }
    QJsonArray files;
    for (const QString& name : exportAllFileNames()) {
        files.append(name);
    }
    return {{"format", kSidecarFormat},
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
                  const Parameters& parameters) {
    saveImage(localPath(path), result, quality, pngTextEntries(parameters));
}

QStringList exportAll(const QString& folder, const ExportBundle& b) {
    const QDir dir(folder);
    if (!dir.exists()) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(folder), "the folder does not exist");
    }
    const QStringList names = exportAllFileNames();
    QStringList written;
    const auto path = [&](int i) {
        written << dir.filePath(names[i]);
        return localPath(written.last());
    };
    const auto text = pngTextEntries(b.parameters);
    saveImage(path(0), b.result, 95, text);
    saveImage(path(1), b.plain, 95, text);
    saveProximityMap(path(2), b.proximity);
    saveUnitMap(path(3), strengthMapAtImageSize(b.strengthGrid, b.contentUsed.rgb.size()));
    saveImage(path(4), b.contentUsed);
    saveImage(path(5), b.styleUsed);
    writeJsonFile(dir.filePath(names[6]), sidecarJson(b));
    written << dir.filePath(names[6]);
    return written;
}

}  // namespace depthstyle::doc
