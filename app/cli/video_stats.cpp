#include "video_stats.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

#include "depthstyle/engine_error.h"
#include "local_path.h"

namespace depthstyle::cli {
namespace {

constexpr int kFormatVersion = 1;

[[noreturn]] void refuse(const QString& path, const std::string& reason) {
    throwFileError(ErrorKind::FileUnreadable, doc::localPath(path), reason);
}

}  // namespace

void writeVideoStats(const QString& path, const VideoStats& stats) {
    QJsonObject json{
        {"depthstyleVideoStats", kFormatVersion},  {"video", stats.video},
        {"videoBytes", double(stats.videoBytes)},  {"frames", stats.frames},
        {"contentWidth", stats.contentSize.width}, {"contentHeight", stats.contentSize.height},
        {"proximityLow", stats.clip.low},          {"proximityHigh", stats.clip.high},
        {"normalisedMean", stats.clip.mean}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0 ||
        !file.commit()) {
        throwFileError(ErrorKind::OutputUnwritable, doc::localPath(path),
                       "cannot write the clip statistics: " + file.errorString().toStdString());
    }
}

VideoStats readVideoStats(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        refuse(path, "cannot read the clip statistics: " + file.errorString().toStdString());
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        refuse(path, "not a JSON file of clip statistics");
    }
    const QJsonObject json = doc.object();
    if (json.value("depthstyleVideoStats").toInt() != kFormatVersion) {
        refuse(path, "not DepthStyle clip statistics (version 1)");
    }
    VideoStats stats;
    stats.video = json.value("video").toString();
    stats.videoBytes = qint64(json.value("videoBytes").toDouble(-1));
    stats.frames = json.value("frames").toInt(-1);
    stats.contentSize = {json.value("contentWidth").toInt(-1),
                         json.value("contentHeight").toInt(-1)};
    stats.clip.low = json.value("proximityLow").toDouble(NAN);
    stats.clip.high = json.value("proximityHigh").toDouble(NAN);
    stats.clip.mean = json.value("normalisedMean").toDouble(NAN);
    const ClipNormalisation& c = stats.clip;
    if (stats.frames < 1 || stats.contentSize.width < 1 || stats.contentSize.height < 1 ||
        !std::isfinite(c.low) || !std::isfinite(c.high) || !(c.high >= c.low) ||
        !(c.mean >= 0.0 && c.mean <= 1.0)) {
        refuse(path, "the clip statistics are incomplete or out of range");
    }
    return stats;
}

void requireStatsFor(const QString& path, const VideoStats& stats, const VideoStats& clip) {
    const auto size = [](cv::Size s) {
        return std::to_string(s.width) + "x" + std::to_string(s.height);
    };
    if (stats.video != clip.video || stats.videoBytes != clip.videoBytes) {
        throwFileError(ErrorKind::InvalidArgument, doc::localPath(path),
                       "the clip statistics were made for '" + stats.video.toStdString() + "' (" +
                           std::to_string(stats.videoBytes) + " bytes), not for '" +
                           clip.video.toStdString() + "' (" + std::to_string(clip.videoBytes) +
                           " bytes)");
    }
    if (stats.contentSize != clip.contentSize) {
        throwFileError(ErrorKind::InvalidArgument, doc::localPath(path),
                       "the clip statistics were made at " + size(stats.contentSize) +
                           ", this run works at " + size(clip.contentSize) +
                           " (give the same --content-size)");
    }
}

}  // namespace depthstyle::cli
