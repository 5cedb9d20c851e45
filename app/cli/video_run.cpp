#include "video_run.h"

#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <chrono>
#include <cstdio>
#include <optional>

#include "cli_run.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "depthstyle/size_policy.h"
#include "depthstyle/video_io.h"
#include "interrupt.h"
#include "local_path.h"
#include "png_metadata.h"
#include "terminal_progress.h"
#include "video_stats.h"

namespace depthstyle::cli {
namespace {

using doc::localPath;
using Clock = std::chrono::steady_clock;

std::string frameLabel(const std::string& video, int index) {
    return video + " frame " + std::to_string(index);
}

// Frames done, rate and time left: rewritten in place on a terminal, a
// line at each tenth otherwise.
class FrameProgress {
public:
    FrameProgress(std::string what, int total)
        : what_(std::move(what)),
          total_(total),
          start_(Clock::now()),
          terminal_(isatty(fileno(stderr)) != 0) {}

    void done(int frameIndex) {
        ++done_;
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        const double rate = elapsed > 0 ? done_ / elapsed : 0.0;
        const int tenth = total_ > 0 ? done_ * 10 / total_ : 10;
        if (!terminal_ && tenth == lastTenth_ && done_ != total_) {
            return;
        }
        lastTenth_ = tenth;
        char text[160];
        if (total_ > 0) {
            std::snprintf(text, sizeof text, "%s frame %d (%d/%d), %.2f frames/s", what_.c_str(),
                          frameIndex, done_, total_, rate);
        } else {  // the clip states no frame count
            std::snprintf(text, sizeof text, "%s frame %d (%d done), %.2f frames/s", what_.c_str(),
                          frameIndex, done_, rate);
        }
        std::string line = text;
        if (done_ < total_ && rate > 0) {  // total_ 0: no estimate
            line += ", about " + durationText((total_ - done_) / rate) + " left";
        }
        if (terminal_) {
            std::fprintf(stderr, "\r%-78s", line.c_str());
            if (done_ == total_) {
                std::fputc('\n', stderr);
            }
            std::fflush(stderr);
        } else {
            printLine(line);
        }
    }
    void end() {
        if (terminal_ && done_ > 0 && done_ < total_) {
            std::fputc('\n', stderr);
        }
    }

private:
    std::string what_;
    int total_;
    int done_ = 0;
    int lastTenth_ = -1;
    Clock::time_point start_;
    bool terminal_;
};

class VideoRunner {
public:
    explicit VideoRunner(const CliOptions& options) : o_(options) {}

    int run() {
        doc::loadNamedLayers(o_.parameters);
        const std::string video = localPath(o_.content);
        VideoReader reader(video);  // names the file when it is no video
        prepareOutputs();           // before the first pass, not after it
        session_.emplace(loadModelsFor(o_));
        session_->releaseContentPixelsWhenEncoded(true);
        setStyles();
        if (o_.videoNormalize == CliOptions::VideoNormalize::Clip) {
            clip_ = clipNormalisation(video);
            if (stopped_) {
                return stop();
            }
        }
        renderFrames(reader);
        return stopped_ ? stop() : 0;
    }

private:
    // A sequence's folder is made; a video file's folder and the
    // statistics' folder must exist and be writable.
    void prepareOutputs() const {
        const std::string output = localPath(o_.output);
        const QString folder = QFileInfo(o_.output).absolutePath();
        if (isSequencePattern(output)) {
            if (!QDir().mkpath(folder)) {
                throwFileError(ErrorKind::OutputUnwritable, output,
                               "cannot make the folder '" + localPath(folder) + "'");
            }
        }
        requireWritableFolder(output);
        if (!o_.videoStats.isEmpty() && !QFileInfo::exists(o_.videoStats)) {
            requireWritableFolder(localPath(o_.videoStats));
        }
    }

    static void requireWritableFolder(const std::string& path) {
        const QString folder = QFileInfo(QString::fromStdString(path)).absolutePath();
        if (!QFileInfo(folder).isDir()) {
            throwFileError(ErrorKind::OutputUnwritable, path,
                           "cannot write: the folder '" + localPath(folder) + "' does not exist");
        }
        if (::access(localPath(folder).c_str(), W_OK) != 0) {
            throwFileError(ErrorKind::OutputUnwritable, path,
                           "cannot write: no permission to write into '" + localPath(folder) + "'");
        }
    }

    void setStyles() {
        const QStringList styles = QStringList{o_.style} + o_.moreStyles;
        for (int i = 0; i < styles.size(); ++i) {
            const std::string path = localPath(styles[i]);
            session_->setStyleAt(size_t(i), loadImage(path), o_.parameters.styleSize, path);
        }
        session_->setStyleCount(size_t(styles.size()));
    }

    VideoStats clipIdentity(cv::Size contentSize, int frames) const {
        VideoStats id;
        id.video = QFileInfo(o_.content).fileName();
        id.videoBytes = QFileInfo(o_.content).size();
        id.contentSize = contentSize;
        id.frames = frames;
        return id;
    }

    // The first pass over the whole clip, or its statistics from
    // --video-stats when that file exists.
    std::optional<ClipNormalisation> clipNormalisation(const std::string& video) {
        if (!o_.videoStats.isEmpty() && QFileInfo::exists(o_.videoStats)) {
            const VideoStats stats = readVideoStats(o_.videoStats);
            VideoReader probe(video);
            Image first;
            if (!probe.next(first)) {
                throwFileError(ErrorKind::ImageCorrupt, video, "the video holds no frames");
            }
            const cv::Size size = scaledSize(first.rgb.size(), o_.parameters.contentSize);
            requireStatsFor(o_.videoStats, stats, clipIdentity(size, stats.frames));
            printLine("clip statistics read from " + localPath(o_.videoStats));
            frames_ = stats.frames;
            return stats.clip;
        }
        VideoReader reader(video);
        ClipStatistics statistics;
        FrameProgress progress("depth pass:", reader.statedFrames());
        Image frame;
        Progress quiet;
        quiet.cancel = interruptFlag();
        try {
            while (reader.next(frame)) {
                const int index = reader.position() - 1;
                session_->setContent(frame, o_.parameters.contentSize, frameLabel(video, index));
                statistics.add(session_->proximity(quiet));
                progress.done(index);
            }
        } catch (const EngineError& error) {
            progress.end();
            if (error.kind() == ErrorKind::Cancelled) {
                stopped_ = true;
                return std::nullopt;
            }
            throw;
        }
        progress.end();
        if (statistics.frames() == 0) {
            throwFileError(ErrorKind::ImageCorrupt, video, "the video holds no frames");
        }
        frames_ = statistics.frames();
        if (!o_.videoStats.isEmpty()) {
            VideoStats stats = clipIdentity(session_->contentSize(), frames_);
            stats.clip = statistics.result();
            writeVideoStats(o_.videoStats, stats);
            printLine("clip statistics written to " + localPath(o_.videoStats));
        }
        return statistics.result();
    }

    // The inputs no output may be.
    std::vector<std::string> inputs() const {
        std::vector<std::string> paths{localPath(o_.content), localPath(o_.style)};
        for (const QString& path : o_.moreStyles) {
            paths.push_back(localPath(path));
        }
        for (const QString& path :
             {o_.parameters.depthEditPath, o_.parameters.strengthOverridePath, o_.videoStats}) {
            if (!path.isEmpty()) {
                paths.push_back(localPath(path));
            }
        }
        return paths;
    }

    void renderFrames(VideoReader& reader) {
        const std::string video = localPath(o_.content);
        const std::string output = localPath(o_.output);
        const bool sequence = isSequencePattern(output);
        const std::vector<std::string> inputPaths = inputs();
        if (!sequence) {
            refuseToOverwriteInputs(output, inputPaths);
        }
        const int first = o_.framesFrom;
        int end = o_.framesTo;  // exclusive; -1: the clip's end
        const int known = frames_ > 0 ? frames_ : reader.statedFrames();
        if (known > 0 && (end < 0 || end > known)) {
            end = known;
        }
        if (known > 0 && first >= known) {
            throw EngineError(ErrorKind::InvalidArgument,
                              "--frames: the clip " + video + " has " + std::to_string(known) +
                                  " frames (0 to " + std::to_string(known - 1) + ")");
        }
        reader.skipTo(first);
        std::optional<VideoWriter> writer;
        if (!sequence) {
            printLine(
                "note: a video's audio is not carried over (see the README for adding it "
                "back with ffmpeg)");
        }
        doc::Parameters parameters = o_.parameters;
        RenderParams params = parameters.renderParams();
        params.strength.clip = clip_;
        FrameProgress progress("rendered", end > first ? end - first : 0);
        const Progress cancel{nullptr, interruptFlag()};
        Image frame;
        int written = 0;
        int skipped = 0;
        try {
            while ((end < 0 || reader.position() < end) && reader.next(frame)) {
                const int index = reader.position() - 1;
                const std::string file = sequence ? sequenceFile(output, index) : output;
                if (sequence && o_.skipExisting &&
                    QFileInfo::exists(QString::fromStdString(file))) {
                    ++skipped;
                    progress.done(index);
                    continue;
                }
                session_->setContent(frame, o_.parameters.contentSize, frameLabel(video, index));
                if (o_.focusPixels && !params.strength.focus) {  // the first frame rendered
                    params.strength.focus =
                        focusFraction(*o_.focusPixels, session_->originalContentSize());
                }
                const Image result = session_->render(params, cancel);
                if (sequence) {
                    if (index == first) {
                        checkOutputPath(file, result.rgb.size());
                    }
                    refuseToOverwriteInputs(file, inputPaths);
                    saveImage(file, result, 95, doc::pngTextEntries(parameters));
                } else {
                    if (!writer) {
                        const double fps =
                            reader.framesPerSecond() > 0 ? reader.framesPerSecond() : 25.0;
                        writer.emplace(output, fps, result.rgb.size());
                    }
                    writer->write(result);
                }
                ++written;
                progress.done(index);
            }
        } catch (const EngineError& error) {
            progress.end();
            if (error.kind() != ErrorKind::Cancelled) {
                if (sequence && written > 0) {
                    printLine(std::to_string(written) + " frames were written before the error");
                }
                throw;
            }
            stopped_ = true;
            writtenFrames_ = written;
            return;  // an unfinished video file is removed with its writer
        }
        progress.end();
        if (writer) {
            writer->finish();
        }
        if (written + skipped == 0) {
            throwFileError(ErrorKind::ImageCorrupt, video, "the video holds no frames");
        }
        printLine(std::to_string(written) + " frames written" +
                  (skipped > 0 ? ", " + std::to_string(skipped) + " skipped (they existed)" : "") +
                  " to " + output);
    }

    int stop() {
        const bool sequence = isSequencePattern(localPath(o_.output));
        printLine(sequence ? "stopped by Ctrl+C: " + std::to_string(writtenFrames_) +
                                 " frames written and kept (--skip-existing resumes)"
                           : "stopped by Ctrl+C: no video written");
        return kInterruptedExit;
    }

    CliOptions o_;
    std::optional<Session> session_;
    std::optional<ClipNormalisation> clip_;
    int frames_ = 0;
    int writtenFrames_ = 0;
    bool stopped_ = false;
};

}  // namespace

int runVideo(const CliOptions& options) {
    VideoRunner runner(options);
    return runner.run();
}

}  // namespace depthstyle::cli
