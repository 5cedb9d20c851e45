#include "batch_run.h"

#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "batch_plan.h"
#include "cli_run.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "interrupt.h"
#include "local_path.h"
#include "png_metadata.h"
#include "terminal_progress.h"

namespace depthstyle::cli {
namespace {

using doc::localPath;
using Clock = std::chrono::steady_clock;

struct Tally {
    int written = 0;
    int failed = 0;
    int skipped = 0;
    std::string text() const {
        return std::to_string(written) + " written, " + std::to_string(failed) + " failed, " +
               std::to_string(skipped) + " skipped";
    }
};

// The output folder, made when missing; throws naming it when it cannot be.
void prepareOutputFolder(const QString& folder) {
    if (!QDir().mkpath(folder)) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(folder),
                       "cannot make the output folder");
    }
    if (::access(localPath(folder).c_str(), W_OK) != 0) {
        throwFileError(ErrorKind::OutputUnwritable, localPath(folder),
                       "cannot write: no permission to write into the folder");
    }
}

// Every input path of the batch, which no output may be.
std::vector<std::string> inputsOf(const CliOptions& o, const BatchPlan& plan) {
    std::vector<std::string> inputs;
    for (const QString& content : plan.contents) {
        inputs.push_back(localPath(content));
    }
    for (const QStringList& set : plan.styleSets) {
        for (const QString& style : set) {
            inputs.push_back(localPath(style));
        }
    }
    for (const QString& path :
         {o.parameters.depthPath, o.parameters.depthEditPath, o.parameters.strengthOverridePath}) {
        if (!path.isEmpty()) {
            inputs.push_back(localPath(path));
        }
    }
    return inputs;
}

class BatchRunner {
public:
    BatchRunner(const CliOptions& options, BatchPlan plan)
        : o_(options), plan_(std::move(plan)), inputs_(inputsOf(o_, plan_)) {}

    int run() {
        prepareOutputFolder(o_.outputDir);
        for (const BatchOutput& output : plan_.outputs) {
            if (o_.skipExisting && QFileInfo::exists(output.path)) {
                ++tally_.skipped;
            } else {
                pending_.push_back(&output);
            }
        }
        if (!pending_.empty()) {
            session_.emplace(loadModelsFor(o_));
            // One content at a time; recolouring each further style to the
            // content (style-to-content) needs its pixels.
            session_->releaseContentPixelsWhenEncoded(o_.parameters.preserveColor !=
                                                          ColorPreservation::StyleToContent ||
                                                      plan_.styleSets.size() == 1);
            session_->rememberStyleFeatures(std::max<size_t>(1, styleFiles()));
            start_ = Clock::now();
            runPending();
        }
        if (stopped_) {
            printLine("stopped by Ctrl+C: " + tally_.text() +
                      " (the picture at hand was not written; --skip-existing resumes)");
            return kInterruptedExit;
        }
        printLine(tally_.text());
        return tally_.failed > 0 ? 1 : 0;
    }

private:
    size_t styleFiles() const {
        size_t count = 0;
        for (const QStringList& set : plan_.styleSets) {
            count += size_t(set.size());
        }
        return count;
    }

    void runPending() {
        const Progress progress = terminalProgress(interruptFlag());
        size_t at = 0;
        while (at < pending_.size() && !stopped_) {
            const int content = pending_[at]->content;
            size_t end = at;
            while (end < pending_.size() && pending_[end]->content == content) {
                ++end;
            }
            if (setContent(content)) {
                for (size_t i = at; i < end && !stopped_; ++i) {
                    renderOne(*pending_[i], progress);
                }
            } else {
                tally_.failed += int(end - at);
                done_ += end - at;
            }
            at = end;
        }
    }

    bool setContent(int index) {
        const QString& path = plan_.contents[index];
        try {
            session_->setContent(localPath(path), o_.parameters.contentSize);
            if (o_.parameters.depthFromFile) {
                session_->setDepthSource({DepthSource::Kind::File,
                                          localPath(o_.parameters.depthPath),
                                          o_.parameters.depthIsDistance});
            }
            focus_.reset();
            if (o_.focusPixels) {
                focus_ = focusFraction(*o_.focusPixels, session_->originalContentSize());
            }
            currentStyleSet_ = -1;
            return true;
        } catch (const EngineError& error) {
            printLine(std::string("error: ") + error.what() + " (its outputs not written)");
            return false;
        }
    }

    // The style set's images, decoded once for the batch; throws the
    // decoding's error again for each output of a bad style.
    void setStyles(int index) {
        if (currentStyleSet_ == index) {
            return;
        }
        const QStringList& set = plan_.styleSets[size_t(index)];
        currentStyleSet_ = -1;
        for (int i = 0; i < set.size(); ++i) {
            const std::string path = localPath(set[i]);
            session_->setStyleAt(size_t(i), decodedStyle(path), o_.parameters.styleSize, path);
        }
        session_->setStyleCount(size_t(set.size()));
        currentStyleSet_ = index;
    }

    const Image& decodedStyle(const std::string& path) {
        auto found = styles_.find(path);
        if (found == styles_.end()) {
            try {
                found = styles_.emplace(path, loadImage(path)).first;
            } catch (const EngineError& error) {
                badStyles_.insert(path);
                throw;
            }
        }
        return found->second;
    }

    void renderOne(const BatchOutput& output, const Progress& progress) {
        const std::string path = localPath(output.path);
        try {
            for (const QString& style : plan_.styleSets[size_t(output.styleSet)]) {
                if (badStyles_.count(localPath(style)) != 0) {
                    ++tally_.failed;  // reported once, when it was read
                    ++done_;
                    return;
                }
            }
            setStyles(output.styleSet);
            checkOutputPath(path, session_->contentSize());
            refuseToOverwriteInputs(path, inputs_);
            doc::Parameters parameters = output.parameters;
            if (focus_) {
                parameters.focus = focus_;
            }
            const Image result = session_->render(parameters.renderParams(), progress);
            saveImage(path, result, 95, doc::pngTextEntries(parameters));
            ++tally_.written;
            ++done_;
            reportDone(path);
        } catch (const EngineError& error) {
            if (error.kind() == ErrorKind::Cancelled) {
                stopped_ = true;
                return;
            }
            ++tally_.failed;
            ++done_;
            printLine(std::string("error: ") + error.what() + " (" + path + " not written)");
        }
    }

    void reportDone(const std::string& path) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        const size_t total = pending_.size();
        const double left = elapsed / double(done_) * double(total - done_);
        std::string line =
            "[" + std::to_string(done_) + "/" + std::to_string(total) + "] wrote " + path;
        if (done_ < total) {
            line += "; about " + durationText(left) + " left";
        }
        printLine(line);
    }

    const CliOptions& o_;
    const BatchPlan plan_;
    const std::vector<std::string> inputs_;
    std::vector<const BatchOutput*> pending_;
    std::optional<Session> session_;
    std::map<std::string, Image> styles_;
    std::set<std::string> badStyles_;
    std::optional<cv::Point2d> focus_;
    int currentStyleSet_ = -1;
    Tally tally_;
    size_t done_ = 0;
    bool stopped_ = false;
    Clock::time_point start_;
};

}  // namespace

int runBatch(const CliOptions& options) {
    CliOptions o = options;
    doc::loadNamedLayers(o.parameters);  // names the file when one is bad
    BatchRunner runner(o, planBatch(o));
    return runner.run();
}

}  // namespace depthstyle::cli
