#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

#include "parameters.h"

namespace depthstyle::cli {

// Everything the command line asks for, parsed and checked.
struct CliOptions {
    QString content;
    QString style;
    QStringList moreStyles;  // after the first: interpolation, or the far style
    QString output;
    QString models;  // empty: $DEPTHSTYLE_MODELS, else the per-user directory
    // Method, beta, epsilon, alpha, sizes, depth file, precision: from
    // --params (a sidecar), then --preset, then each option given.
    doc::Parameters parameters;
    QString saveDepth;
    QString saveStrength;
    std::vector<double> sweepBeta;     // empty: just parameters.beta
    std::vector<double> sweepEpsilon;  // empty: just parameters.epsilon
    int threads = 0;                   // 0: every core
    // --focus in pixels of the original content; turned into the
    // parameters' fractions once the content's size is known.
    std::optional<QPointF> focusPixels;
    // Batch (--output-dir): every content (files, folders' images, list
    // files' lines, in order) and, for --style given a folder or
    // --style-list, one style per output (else `style` with `moreStyles`).
    QStringList contents;
    QStringList batchStyles;
    QString outputDir;
    QString namePattern;  // --name
    bool skipExisting = false;

    // Video (a --content with a video's extension): --video-normalize,
    // --frames A:B (0-based, B exclusive; -1: the clip's end) and
    // --video-stats.
    enum class VideoNormalize { Clip, PerFrame };
    bool video = false;
    VideoNormalize videoNormalize = VideoNormalize::Clip;
    int framesFrom = 0;
    int framesTo = -1;
    QString videoStats;

    bool isSweep() const { return !sweepBeta.empty() || !sweepEpsilon.empty(); }
    bool isBatch() const { return !outputDir.isEmpty(); }
    // MiDaS runs: no depth file, and DA-AdaIN or a depth map to save.
    bool estimatesDepth() const {
        return !parameters.depthFromFile &&
               (parameters.method == Method::DaAdain || !saveDepth.isEmpty());
    }
    // (beta, epsilon) of each output: the sweep's combinations, beta-major,
    // or the parameters' own.
    std::vector<std::pair<double, double>> sweepPoints() const;
};

// The outcome of parsing: options to run, or a message and exit code
// (help and version exit 0 with text on stdout; errors exit 2).
struct ParseOutcome {
    std::optional<CliOptions> options;
    QString text;
    int exitCode = 0;
};

ParseOutcome parseCommandLine(const QStringList& arguments);

}  // namespace depthstyle::cli
