#include "export_bundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/map_io.h"
#include "depthstyle/paint_layer.h"
#include "depthstyle/strength_map.h"
#include "file_hash.h"
#include "local_path.h"
#include "png_metadata.h"
#include "sidecar.h"

namespace depthstyle::doc {
namespace {

constexpr const char* kDepthEditFile = "depth-edit.png";
constexpr const char* kStrengthOverrideFile = "strength-override.png";

}  // namespace

QString exportedStyleName(size_t index) {
    return index == 0 ? QStringLiteral("style.png") : QStringLiteral("style-%1.png").arg(index + 1);
}

QStringList exportAllFileNames() {
    QStringList names{"result.png",   "adain.png",           "depth.png",
                      "strength.png", "content.png",         "style.png",
                      kDepthEditFile, kStrengthOverrideFile, kSidecarFileName};
    for (int i = 1; i < kMaxExportedStyles; ++i) {
        names.insert(names.size() - 1, exportedStyleName(size_t(i)));
    }
    return names;
}

QStringList exportSetFileNames(const Parameters& parameters, size_t moreStyles) {
    QStringList names = exportAllFileNames();
    for (int i = 1; i < kMaxExportedStyles; ++i) {
        if (size_t(i) > moreStyles) {
            names.removeAll(exportedStyleName(size_t(i)));
        }
    }
    if (!parameters.depthEdit) {
        names.removeAll(kDepthEditFile);
    }
    if (!parameters.strengthOverride) {
        names.removeAll(kStrengthOverrideFile);
    }
    return names;
}

Parameters exportedParameters(const Parameters& parameters) {
    Parameters p = parameters;
    p.depthEditPath = p.depthEdit ? kDepthEditFile : QString();
    p.strengthOverridePath = p.strengthOverride ? kStrengthOverrideFile : QString();
    return p;
}

QJsonObject sidecarJson(const ExportBundle& b) {
    QJsonObject models;
    for (const std::string& file : {b.models.encoder, b.models.decoder, b.models.depth}) {
        const QString path = QFile::decodeName(file.c_str());
        models.insert(QFileInfo(path).fileName(), sha256OfFile(path));
    }
    QJsonArray files;
    for (const QString& name : exportSetFileNames(b.parameters, b.moreStylesUsed.size())) {
        files.append(name);
    }
    QJsonObject json{{"format", kSidecarFormat},
                     {"software", "DepthStyle " DEPTHSTYLE_VERSION},
                     {"parameters", exportedParameters(b.parameters).toJson()},
                     {"plainAdainAlpha", b.plainAlpha},
                     {"content", b.contentPath},
                     {"style", b.stylePath},
                     {"contentUsedSize", QJsonArray{b.contentUsed.width(), b.contentUsed.height()}},
                     {"styleUsedSize", QJsonArray{b.styleUsed.width(), b.styleUsed.height()}},
                     {"modelsSha256", models},
                     {"files", files}};
    if (!b.moreStylePaths.isEmpty()) {
        json.insert("moreStyles", QJsonArray::fromStringList(b.moreStylePaths));
    }
    if (b.tunedContentSize >= 0) {
        // A final render: the parameters hold its sizes; these are the
        // sizes the look was tuned at.
        json.insert("tunedAt", QJsonObject{{"contentSize", b.tunedContentSize},
                                           {"styleSize", b.tunedStyleSize}});
    }
    return json;
}

void exportResult(const QString& path, const Image& result, int quality,
                  const Parameters& parameters) {
    saveImage(localPath(path), result, quality, pngTextEntries(parameters));
}

namespace {

// A failed move whose undo failed too: the staging folder must stay.
struct StagingKept {
    QString previousFiles;
    std::string target;
    std::string reason;
};

// Writes every file of the set into `dir`.
void writeSet(const QDir& dir, const ExportBundle& b) {
    const QStringList names = exportAllFileNames();
    const auto path = [&](int i) { return localPath(dir.filePath(names[i])); };
    const auto text = pngTextEntries(exportedParameters(b.parameters));
    saveImage(path(0), b.result, 95, text);
    saveImage(path(1), b.plain, 95, text);
    saveProximityMap(path(2), b.proximity);
    saveUnitMap(path(3), strengthMapAtImageSize(b.strengthGrid, b.contentUsed.rgb.size()));
    saveImage(path(4), b.contentUsed);
    saveImage(path(5), b.styleUsed);
    // The layers as the document holds them (the engine resizes them to
    // the content where they apply), so that the set reproduces its result
    // bit for bit.
    if (b.parameters.depthEdit) {
        savePaintLayer(path(6), *b.parameters.depthEdit);
    }
    if (b.parameters.strengthOverride) {
        savePaintLayer(path(7), *b.parameters.strengthOverride);
    }
    for (size_t i = 0; i < b.moreStylesUsed.size() && i + 1 < size_t(kMaxExportedStyles); ++i) {
        saveImage(localPath(dir.filePath(exportedStyleName(i + 1))), b.moreStylesUsed[i]);
    }
    writeJsonFile(dir.filePath(kSidecarFileName), sidecarJson(b));
}

// Moves the staged set into `folder`, the files a set there had aside into
// `stage/previous`; on a failure puts everything back and throws.
void moveSetIn(const QDir& stage, const QDir& folder, const QStringList& names) {
    if (!stage.mkdir("previous")) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(stage.path()),
                       "cannot make a folder here");
    }
    const QDir previous(stage.filePath("previous"));
    QStringList setAside;
    QStringList movedIn;
    const auto rollBack = [&] {
        bool restored = true;
        for (const QString& name : movedIn) {
            restored = QFile::rename(folder.filePath(name), stage.filePath(name)) && restored;
        }
        for (const QString& name : setAside) {
            restored = QFile::rename(previous.filePath(name), folder.filePath(name)) && restored;
        }
        return restored;
    };
    const auto fail = [&](const QString& target, const std::string& reason) {
        if (!rollBack()) {
            // Never delete what could not be put back: the staging folder
            // stays, and the message says where the previous files are.
            throw StagingKept{previous.path(), localPath(target), reason};
        }
        throwFileError(ErrorKind::OutputUnwritable, localPath(target), reason);
    };
    // Every name a set may have is set aside (a previous set's layers too,
    // which this set may not have); this set's files are moved in.
    for (const QString& name : exportAllFileNames()) {
        const QString target = folder.filePath(name);
        if (QFileInfo::exists(target) || QFileInfo(target).isSymLink()) {
            if (!QFile::rename(target, previous.filePath(name))) {
                fail(target, "cannot replace the file there");
            }
            setAside << name;
        }
        if (!names.contains(name)) {
            continue;
        }
        if (!QFile::rename(stage.filePath(name), target)) {
            fail(target, "cannot move the new file into place");
        }
        movedIn << name;
    }
}

}  // namespace

QStringList existingExportFiles(const QString& folder) {
    QStringList found;
    for (const QString& name : exportAllFileNames()) {
        if (QFileInfo::exists(QDir(folder).filePath(name))) {
            found << name;
        }
    }
    return found;
}

QStringList exportAll(const QString& folder, const ExportBundle& b) {
    const QDir dir(folder);
    if (!dir.exists()) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(folder), "the folder does not exist");
    }
    // The whole set is written beside the folder's files first, then moved
    // in: a failure part way leaves the folder as it was.
    QTemporaryDir stage(dir.filePath(".depthstyle-export-XXXXXX"));
    if (!stage.isValid()) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(folder),
                       "cannot write into the folder: " + stage.errorString().toStdString());
    }
    writeSet(QDir(stage.path()), b);
    try {
        moveSetIn(QDir(stage.path()), dir,
                  exportSetFileNames(b.parameters, b.moreStylesUsed.size()));
    } catch (const StagingKept& kept) {
        stage.setAutoRemove(false);
        throwFileError(ErrorKind::OutputUnwritable, kept.target,
                       kept.reason + "; the previous files could not all be put back and are in " +
                           localPath(kept.previousFiles));
    }
    QStringList written;
    for (const QString& name : exportSetFileNames(b.parameters, b.moreStylesUsed.size())) {
        written << dir.filePath(name);
    }
    return written;
}

}  // namespace depthstyle::doc
