#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "depthstyle/session.h"

namespace depthstyle::cli {

// Everything the command line asks for, parsed and checked.
struct CliOptions {
    QString content;
    QString style;
    QString output;
    QString models;  // empty: $DEPTHSTYLE_MODELS, else the per-user directory
    RenderParams params;
    int contentSize = 512;
    int styleSize = 512;
    QString depth;
    bool depthIsDistance = false;
    QString saveDepth;
    QString saveStrength;
    std::vector<double> sweepBeta;     // empty: just params.strength.beta
    std::vector<double> sweepEpsilon;  // empty: just params.strength.epsilon
    int threads = 0;                   // 0: every core
    bool isSweep() const { return !sweepBeta.empty() || !sweepEpsilon.empty(); }
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
