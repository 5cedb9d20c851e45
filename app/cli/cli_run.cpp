#include "cli_run.h"

#include <unistd.h>

#include <QFileInfo>
#include <algorithm>
#include <cstdio>

#include "batch_run.h"
#include "depthstyle/decoder_speed.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/map_io.h"
#include "depthstyle/measurement_turns.h"
#include "depthstyle/run_trace.h"
#include "depthstyle/stripe_tuning.h"
#include "interrupt.h"
#include "local_path.h"
#include "output_names.h"
#include "png_metadata.h"
#include "terminal_progress.h"
#include "video_run.h"

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
    std::vector<Job> jobs;
    for (const auto& [beta, epsilon] : o.sweepPoints()) {
        Job job{o.parameters, sweepOutputName(o.output, beta, epsilon)};
        job.parameters.beta = beta;
        job.parameters.epsilon = epsilon;
        jobs.push_back(job);
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

}  // namespace

ModelFiles modelFilesFor(const CliOptions& o) {
    const bool needDepth = o.estimatesDepth();
    const std::string modelDir = chooseModelDirectory(localPath(o.models));
    const ModelFiles files = ModelFiles::inDirectory(modelDir);
    const std::vector<std::string> missing = missingModelFiles(files, needDepth);
    if (!missing.empty()) {
        throwFileError(ErrorKind::ModelMissing, missing.front(),
                       "model file not found; install the models with "
                       "packaging/fetch-models.sh (or point --models or $DEPTHSTYLE_MODELS at "
                       "the folder holding them)");
    }
    return files;
}

namespace {

// Measuring alone, stopped by a graceful Ctrl+C (batches, video): the
// work then stops at its first check.
MeasurementTurns measuringAlone() {
    MeasurementTurns turns;
    turns.stop = interruptFlag();
    turns.waitingForOthers = [] {
        printLine("waiting for another DepthStyle program to finish measuring this processor (" +
                  measuringLockFile() + ")");
    };
    return turns;
}

// The stripe size measured for this processor, once (stripe_tuning.h). A
// measurement stopped by Ctrl+C keeps the default (nothing remembered).
void tuneStripes(const Models& models) {
    const auto say = [] {
        printLine(
            "measuring this processor once: the networks' best stripe size (about 3 s; "
            "remembered in " +
            stripeBudgetCacheFile() + ")");
    };
    std::optional<StripeBudgetChoice> choice;
    {
        const trace::Part part("stripe size");
        choice = stripeBudgetForThisMachine(models, say, measuringAlone());
    }
    if (choice) {
        applyStripeBudget(*choice);
    }
}

}  // namespace

std::shared_ptr<const Models> loadModelsFor(const CliOptions& o) {
    std::shared_ptr<const Models> models = Models::load(modelFilesFor(o));
    tuneStripes(*models);
    if (o.parameters.fastDecoding) {
        DecoderSpeed speed;
        try {
            speed = decoderSpeed(*models, measuringAlone());
        } catch (const EngineError& e) {
            if (e.kind() != ErrorKind::Cancelled) {
                throw;
            }
            return models;  // stopped by Ctrl+C: the work stops at its first check
        }
        if (!speed.bfloat16Pays()) {
            char ratio[32];
            std::snprintf(ratio, sizeof ratio, "%.2fx", speed.speedUp());
            printLine("note: on this processor (" + speed.processor + ", " +
                      std::to_string(speed.threads) + " threads) bfloat16 decoding measured " +
                      ratio +
                      " the speed of float32; --decoder-precision fp32 is as fast here and "
                      "exact");
        }
    }
    return models;
}

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

namespace {

void run(const CliOptions& options) {
    CliOptions o = options;
    const std::vector<Job> plannedJobs = jobsFor(o);
    checkOutputs(o, plannedJobs);
    doc::loadNamedLayers(o.parameters);  // names the file when one is bad

    doc::Parameters& p = o.parameters;
    // --skip-existing: outputs that exist are left alone (a sweep resumes).
    const auto skipped = [&o](const Job& job) {
        return o.skipExisting && QFileInfo::exists(job.output);
    };
    const auto skippedCount = std::count_if(plannedJobs.begin(), plannedJobs.end(), skipped);
    if (skippedCount == long(plannedJobs.size()) && o.saveDepth.isEmpty() &&
        o.saveStrength.isEmpty()) {
        printLine("0 written, 0 failed, " + std::to_string(skippedCount) + " skipped (they exist)");
        return;
    }
    Session session(loadModelsFor(o));
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
    // The kernels and the depth network, made on every core before the
    // first picture rather than one by one inside it.
    const auto firstJob = std::find_if_not(jobs.begin(), jobs.end(), skipped);
    if (firstJob != jobs.end()) {
        session.prepareRender(firstJob->parameters.renderParams());
    }
    const Progress progress = terminalProgress(interruptFlag());
    for (const Job& job : jobs) {
        if (!skipped(job)) {
            saveImage(localPath(job.output),
                      session.render(job.parameters.renderParams(), progress), 95,
                      doc::pngTextEntries(job.parameters));
        }
    }
    if (skippedCount > 0) {
        printLine(std::to_string(long(jobs.size()) - skippedCount) + " written, 0 failed, " +
                  std::to_string(skippedCount) + " skipped (they exist)");
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
        if (options.video) {
            return runVideo(options);
        }
        if (options.isBatch()) {
            return runBatch(options);
        }
        run(options);
        return 0;
    } catch (const EngineError& error) {
        if (error.kind() == ErrorKind::Cancelled) {
            printLine("stopped by Ctrl+C; nothing written");
            return kInterruptedExit;
        }
        printLine(std::string("error: ") + error.what());
    } catch (const std::exception& error) {
        printLine(std::string("internal error: ") + error.what());
    }
    return 1;
}

}  // namespace depthstyle::cli
