#include "cli_run.h"

#include <unistd.h>

#include <QFileInfo>
#include <cstdio>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/map_io.h"
#include "local_path.h"
#include "output_names.h"
#include "png_metadata.h"

namespace depthstyle::cli {
namespace {

using doc::localPath;

struct Job {
    doc::Parameters parameters;
    QString output;
};

std::vector<Job> jobsFor(const CliOptions& o) {
    if (!o.isSweep()) {
        return {{o.parameters, o.output}};
    }
    const std::vector<double> betas =
        o.sweepBeta.empty() ? std::vector<double>{o.parameters.beta} : o.sweepBeta;
    const std::vector<double> epsilons =
        o.sweepEpsilon.empty() ? std::vector<double>{o.parameters.epsilon} : o.sweepEpsilon;
    std::vector<Job> jobs;
    for (double beta : betas) {
        for (double epsilon : epsilons) {
            Job job{o.parameters, sweepOutputName(o.output, beta, epsilon)};
            job.parameters.beta = beta;
            job.parameters.epsilon = epsilon;
            jobs.push_back(job);
        }
    }
    return jobs;
}

// Checks every output before any work (checkOutputPath: extension, folder,
// name length, and the format's size limit once `size` is known), and
// never one of the inputs.
void checkOutputs(const CliOptions& o, const std::vector<Job>& jobs, cv::Size size = cv::Size()) {
    QStringList outputs;
    for (const Job& job : jobs) {
        outputs << job.output;
    }
    for (const QString& map : {o.saveDepth, o.saveStrength}) {
        if (!map.isEmpty()) {
            outputs << map;
        }
    }
    for (const QString& out : outputs) {
        const std::string path = localPath(out);
        checkOutputPath(path, size);
        const std::string dir = localPath(QFileInfo(out).absolutePath());
        if (::access(dir.c_str(), W_OK) != 0) {
            throwFileError(ErrorKind::OutputUnwritable, path,
                           "cannot write: no permission to write into '" + dir + "'");
        }
        std::vector<std::string> inputs{
            localPath(o.content), localPath(o.style), localPath(o.parameters.depthPath),
            localPath(o.parameters.depthEditPath), localPath(o.parameters.strengthOverridePath)};
        for (const QString& style : o.moreStyles) {
            inputs.push_back(localPath(style));
        }
        refuseToOverwriteInputs(path, inputs);
    }
}

// Whether the terminal's progress line waits for its end.
bool progressLineOpen = false;

Progress terminalProgress() {
    Progress progress;
    if (isatty(fileno(stderr)) == 0) {
        return progress;
    }
    progress.report = [](Stage stage, double fraction) {
        std::fprintf(stderr, "\r%-18s %3d%%", stageName(stage), static_cast<int>(fraction * 100));
        progressLineOpen = fraction < 1.0;
        if (!progressLineOpen) {
            std::fputc('\n', stderr);
        }
        std::fflush(stderr);
    };
    return progress;
}

// An error starts on a line of its own, not after a progress line.
void endProgressLine() {
    if (progressLineOpen) {
        std::fputc('\n', stderr);
        progressLineOpen = false;
    }
}

// --focus X,Y in pixels of the original content: the fraction of its
// width and height the parameters keep.
cv::Point2d focusFraction(const QPointF& pixels, cv::Size original) {
    if (pixels.x() < 0 || pixels.y() < 0 || pixels.x() >= original.width ||
        pixels.y() >= original.height) {
        throw EngineError(ErrorKind::InvalidArgument,
                          QStringLiteral("--focus: %1,%2 is outside the content image (%3x%4)")
                              .arg(pixels.x())
                              .arg(pixels.y())
                              .arg(original.width)
                              .arg(original.height)
                              .toStdString());
    }
    return {pixels.x() / original.width, pixels.y() / original.height};
}

void run(const CliOptions& options) {
    CliOptions o = options;
    const std::vector<Job> plannedJobs = jobsFor(o);
    checkOutputs(o, plannedJobs);
    doc::loadNamedLayers(o.parameters);  // names the file when one is bad

    doc::Parameters& p = o.parameters;
    const bool needDepth =
        !p.depthFromFile && (p.method == Method::DaAdain || !o.saveDepth.isEmpty());
    const std::string modelDir = chooseModelDirectory(localPath(o.models));
    const ModelFiles files = ModelFiles::inDirectory(modelDir);
    const std::vector<std::string> missing = missingModelFiles(files, needDepth);
    if (!missing.empty()) {
        throwFileError(ErrorKind::ModelMissing, missing.front(),
                       "model file not found; install the models with "
                       "packaging/fetch-models.sh (or point --models or $DEPTHSTYLE_MODELS at "
                       "the folder holding them)");
    }

    Session session(files);
    session.releaseContentPixelsWhenEncoded(true);  // one content per run
    session.setContent(localPath(o.content), p.contentSize);
    session.setStyle(localPath(o.style), p.styleSize);
    for (int i = 0; i < o.moreStyles.size(); ++i) {
        const std::string path = localPath(o.moreStyles[i]);
        session.setStyleAt(size_t(i + 1), loadImage(path), p.styleSize, path);
    }
    if (o.focusPixels) {
        p.focus = focusFraction(*o.focusPixels, session.originalContentSize());
    }
    const std::vector<Job> jobs = jobsFor(o);
    checkOutputs(o, jobs, session.contentSize());  // the size is known now
    if (p.depthFromFile) {
        session.setDepthSource(
            {DepthSource::Kind::File, localPath(p.depthPath), p.depthIsDistance});
    }
    const Progress progress = terminalProgress();
    for (const Job& job : jobs) {
        saveImage(localPath(job.output), session.render(job.parameters.renderParams(), progress),
                  95, doc::pngTextEntries(job.parameters));
    }
    if (!o.saveDepth.isEmpty()) {
        saveProximityMap(localPath(o.saveDepth), session.adjustedProximity(p.strength(), progress));
    }
    if (!o.saveStrength.isEmpty()) {
        const cv::Mat strength = session.strengthMap(p.renderParams(), progress);
        saveUnitMap(localPath(o.saveStrength),
                    strengthMapAtImageSize(strength, session.contentSize()));
    }
}

}  // namespace

int runCli(const CliOptions& options) {
    try {
        run(options);
        return 0;
    } catch (const EngineError& error) {
        endProgressLine();
        std::fprintf(stderr, "depthstyle-cli: error: %s\n", error.what());
    } catch (const std::exception& error) {
        endProgressLine();
        std::fprintf(stderr, "depthstyle-cli: internal error: %s\n", error.what());
    }
    return 1;
}

}  // namespace depthstyle::cli
