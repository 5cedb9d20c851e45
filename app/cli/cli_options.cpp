#include "cli_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "batch_inputs.h"
#include "batch_plan.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/video_io.h"
#include "local_path.h"
#include "output_names.h"
#include "presets.h"
#include "sidecar.h"
#include "user_presets.h"

namespace depthstyle::cli {
namespace {

struct UsageError {
    QString message;
};

// The most compute threads --threads takes: far beyond any machine's cores,
// far below what makes the thread pool fail.
constexpr int kMaxThreads = 256;

double parseNumber(const QString& option, const QString& text) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        throw UsageError{QStringLiteral("--%1: '%2' is not a finite number").arg(option, text)};
    }
    return value;
}

int parseSize(const QString& option, const QString& text) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0) {
        throw UsageError{QStringLiteral("--%1: '%2' is not a size in pixels (0 keeps the original)")
                             .arg(option, text)};
    }
    return value;
}

int parseThreads(const QString& text) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > kMaxThreads) {
        throw UsageError{QStringLiteral("--threads: '%1' is not a number of threads from 1 to %2")
                             .arg(text)
                             .arg(kMaxThreads)};
    }
    return value;
}

std::vector<double> parseList(const QString& option, const QString& text, double low, double high) {
    std::vector<double> values;
    for (const QString& item : text.split(QLatin1Char(','))) {
        const double value = parseNumber(option, item.trimmed());
        if (value < low || value > high) {
            throw UsageError{QStringLiteral("--%1: %2 is outside [%3, %4]")
                                 .arg(option, item.trimmed())
                                 .arg(low)
                                 .arg(high)};
        }
        values.push_back(value);
    }
    return values;
}

// A sweep list: each value once (5 and 5.0, or 1e5 and 100000, would write
// the same output twice).
std::vector<double> parseSweep(const QString& option, const QString& text, double low,
                               double high) {
    const std::vector<double> values = parseList(option, text, low, high);
    for (size_t i = 0; i < values.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (values[i] == values[j]) {
                throw UsageError{
                    QStringLiteral("--%1: %2 is given twice").arg(option).arg(values[i])};
            }
        }
    }
    return values;
}

// Whether two paths name one file: the same spelling once resolved (through
// symlinks and "..", also for files not written yet), or hard links.
bool sameFile(const QString& a, const QString& b) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path pa(doc::localPath(a));
    const fs::path pb(doc::localPath(b));
    if (fs::equivalent(pa, pb, ec)) {
        return true;
    }
    // A symlink whose target does not exist yet still names that target.
    const auto resolve = [&ec](fs::path p) {
        p = fs::absolute(p, ec);
        for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
            const fs::path target = fs::read_symlink(p, ec);
            p = target.is_absolute() ? target : p.parent_path() / target;
        }
        return fs::weakly_canonical(p, ec);
    };
    return resolve(pa) == resolve(pb);
}

// Two outputs of one run that are one file would overwrite each other.
void refuseOutputsThatAreOneFile(const CliOptions& o) {
    std::vector<std::pair<QString, QString>> outputs;  // option, path
    if (o.isSweep()) {
        for (const auto& [beta, epsilon] : o.sweepPoints()) {
            outputs.emplace_back("output", sweepOutputName(o.output, beta, epsilon));
        }
    } else {
        outputs.emplace_back("output", o.output);
    }
    for (const auto& [option, path] : {std::pair{QStringLiteral("save-depth"), o.saveDepth},
                                       {"save-strength", o.saveStrength}}) {
        if (!path.isEmpty()) {
            outputs.emplace_back(option, path);
        }
    }
    for (size_t i = 0; i < outputs.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (sameFile(outputs[i].second, outputs[j].second)) {
                throw UsageError{QStringLiteral("--%1: '%2' is the same file as --%3 '%4'")
                                     .arg(outputs[i].first, outputs[i].second, outputs[j].first,
                                          outputs[j].second)};
            }
        }
    }
}

// One value, not a list: "--beta 1,2" is a usage error, not beta 1.
double parseSingle(const QString& option, const QString& text, double low, double high) {
    if (text.contains(QLatin1Char(','))) {
        throw UsageError{QStringLiteral("--%1: '%2' is a list; give one number (--sweep-beta "
                                        "and --sweep-epsilon take lists)")
                             .arg(option, text)};
    }
    return parseList(option, text, low, high).front();
}

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Depth-aware style transfer (DA-AdaIN, Kitov et al. 2020): paints the content image in "
        "the style of the style image, stylizing near things less and far things more."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto add = [&](const QString& name, const QString& help, const QString& value = {}) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    add("content",
        "Content image (JPEG, PNG, TIFF, WebP, BMP). Required unless --params names one.", "file");
    add("style",
        "Style image. Required unless --params names one. Give it more than once to mix "
        "styles (see --style-weights).",
        "file");
    add("style-weights",
        "One weight >= 0 per --style, divided by their sum: the styles are mixed in feature "
        "space, sum w_i AdaIN(f(c), f(s_i)) (default: equal weights).",
        "list");
    add("style-near",
        "Styles by depth: this style for near things, --style-far for far ones; the AdaIN "
        "target blends the two by Algorithm 1's normalised proximity (instead of --style).",
        "file");
    add("style-far", "The style for far things (with --style-near).", "file");
    add("output",
        "Result image; the format follows the extension (png, jpg, tif, webp, bmp). "
        "Required unless --output-dir is given.",
        "file");
    add("content-list",
        "A batch's contents, one path per line (relative to the list's folder; blank lines and "
        "lines starting with # skipped), after any --content. Needs --output-dir.",
        "file");
    add("style-list",
        "A batch's styles, one path per line: one output per style (a --style given a folder "
        "does the same with the folder's images). Needs --output-dir.",
        "file");
    add("output-dir",
        "Batch: write every output into this folder (made when missing), named by --name. "
        "--content may then be given several times, or name folders (their images, in "
        "natural order). The models load once, each style is encoded once, each content's "
        "depth and features are made once; each output equals a single run's.",
        "dir");
    add("name",
        "Batch output names: a pattern with {content} and {style} (file stems; styles mixed "
        "by weights or depth joined by +), {beta}, {epsilon} and {index} (the content's "
        "place, zero-padded); the extension picks the format (default "
        "{content}_{style}.png, with _beta{beta}_eps{epsilon} before it for a sweep).",
        "pattern");
    add("video-normalize",
        "Video: clip (default) normalises every frame's depth with the whole clip's least and "
        "greatest proximity and mean (a first pass over the clip), so that a still scene "
        "keeps a still strength map; per-frame is the paper's min-max of each frame alone.",
        "clip|per-frame");
    add("frames",
        "Video: render frames A to B-1 only (0-based, B exclusive; A: to the end); the "
        "outputs keep the source frame numbers. With clip normalisation, give --video-stats "
        "so that chunks share one first pass.",
        "A:B");
    add("video-stats",
        "Video: the clip's first pass in a file. Missing: the run makes it over the whole "
        "clip and writes it; present: the run reads it (chunks on several machines then "
        "give the frames one whole run gives).",
        "file");
    add("skip-existing",
        "Leave outputs that already exist alone (and count them as skipped): a batch or a "
        "picture sequence stopped by Ctrl+C resumes where it was.");
    add("models",
        "Model directory (default: $DEPTHSTYLE_MODELS, else "
        "~/.local/share/depthstyle/models).",
        "dir");
    add("params",
        "Start from the parameters (and, unless --content or --style is given, the images) "
        "of an exported depthstyle.json: reproduces that export's result. Options given "
        "beside it override its values.",
        "file");
    add("preset",
        "Start from a built-in setting: paper (beta 20, epsilon 0.15), subtle (beta 8, "
        "epsilon 0.4), strong (beta 50, epsilon 0.05) or adain (plain AdaIN, full style); or "
        "from a preset saved in the app (Edit > Presets) by its name.",
        "name");
    add("method", "da-adain (depth-aware, default) or adain (plain AdaIN).", "name");
    add("beta", "Prominence beta of Algorithm 1, >= 0 (default 20).", "B");
    add("epsilon", "Offset epsilon of Algorithm 1, in [0,1] (default 0.15).", "E");
    add("alpha", "Content weight of plain AdaIN, eq. 4, in [0,1] (default 0 = full style).", "A");
    add("content-size",
        "Smaller side of the content in pixels; 0 keeps the original "
        "(default 512).",
        "N");
    add("style-size", "Smaller side of the style in pixels; 0 keeps the original (default 512).",
        "N");
    add("depth", "Use this depth map (grayscale, brighter = closer) instead of MiDaS.", "file");
    add("depth-is-distance", "The --depth map is brighter = farther.");
    add("depth-levels",
        "Levels on the proximity map before Algorithm 1: on the min-max normalised "
        "proximity p, p' = clip((p - BLACK) / (WHITE - BLACK), 0, 1)^(1/GAMMA), with "
        "0 <= BLACK < WHITE <= 1 and GAMMA in [0.1, 10] (default 0,1,1).",
        "black,white,gamma");
    add("depth-invert", "Invert the proximity map (after the levels): near becomes far.");
    add("depth-edit",
        "A grey+alpha PNG (8- or 16-bit, any size, resized to the content) painted on the "
        "normalised proximity: where its alpha is 1 the proximity becomes its grey (white = "
        "nearest); where 0 it stays; in between, linearly. Applied after the levels.",
        "file");
    add("focus",
        "Keep the depth at this point (pixels of the original content image) most: the "
        "style grows with the depth difference from it, in front and behind.",
        "x,y");
    add("strength-override",
        "A grey+alpha PNG (8- or 16-bit, any size, resized to the content) painted on the "
        "strength map P after Algorithm 1 and its 1 - epsilon cap: where its alpha is 1, P "
        "is its grey (white = content kept), averaged over each 8x8 block.",
        "file");
    add("preserve-color",
        "none (default), style-to-content (the style recoloured to the content's colour mean "
        "and covariance before encoding) or luminance (the result's luma Y' with the "
        "content's chroma CbCr, BT.601).",
        "mode");
    add("save-depth",
        "Write the proximity map used (after --depth-levels, --depth-invert and "
        "--depth-edit), at content size (16-bit PNG normalised, or float TIFF raw; "
        "brighter = closer).",
        "file");
    add("save-strength",
        "Write the final strength map P (after focus, levels, depth edit and override) at "
        "content size, each 8x8 block holding its feature cell's value (16-bit PNG of "
        "P x 65535, or float TIFF).",
        "file");
    add("sweep-beta",
        "Comma list of beta values; one output per combination, named "
        "<output>_beta<B>_eps<E>.<ext>. Encoders and depth run once.",
        "list");
    add("sweep-epsilon", "Comma list of epsilon values, as --sweep-beta.", "list");
    add("decoder-precision",
        "fp32 (default) or bf16: decode in bfloat16, close to fp32 (tools/benchmark.sh "
        "reports the PSNR); faster on some processors, not on others: the first bf16 run on a "
        "machine measures it (about a second, remembered) and notes when it is not faster. "
        "The encoders always run in fp32.",
        "name");
    add("threads", "Compute threads (default: every available core).", "N");
}

// Levels, invert, depth edit, focus and strength override.
void readArtistControls(const QCommandLineParser& parser, CliOptions& o) {
    doc::Parameters& p = o.parameters;
    if (parser.isSet("depth-levels")) {
        const std::vector<double> v =
            parseList("depth-levels", parser.value("depth-levels"), 0, 10);
        if (v.size() != 3) {
            throw UsageError{QStringLiteral("--depth-levels: '%1' is not three numbers "
                                            "BLACK,WHITE,GAMMA")
                                 .arg(parser.value("depth-levels"))};
        }
        DepthLevels levels{v[0], v[1], v[2], p.depthLevels.invert};
        try {
            validate(levels);
        } catch (const EngineError& e) {
            throw UsageError{QStringLiteral("--depth-levels: %1").arg(e.what())};
        }
        p.depthLevels = levels;
    }
    if (parser.isSet("depth-invert")) {
        p.depthLevels.invert = true;
    }
    if (parser.isSet("depth-edit")) {
        p.depthEditPath = parser.value("depth-edit");
        p.depthEdit.reset();
    }
    if (parser.isSet("strength-override")) {
        p.strengthOverridePath = parser.value("strength-override");
        p.strengthOverride.reset();
    }
    if (parser.isSet("focus")) {
        const std::vector<double> v = parseList("focus", parser.value("focus"), 0, 1e9);
        if (v.size() != 2) {
            throw UsageError{QStringLiteral("--focus: '%1' is not a point X,Y in pixels")
                                 .arg(parser.value("focus"))};
        }
        o.focusPixels = QPointF(v[0], v[1]);
    }
    bool controls = false;
    for (const char* name :
         {"depth-levels", "depth-invert", "depth-edit", "focus", "strength-override"}) {
        controls = controls || parser.isSet(name);
    }
    if (controls && p.method != Method::DaAdain) {
        throw UsageError{
            QStringLiteral("--depth-levels, --depth-invert, --depth-edit, --focus "
                           "and --strength-override need --method da-adain")};
    }
}

// Throws a usage error for an EngineError of reading a batch's inputs.
template <typename Read>
QStringList readingInputs(const QString& option, Read&& read) {
    try {
        return read();
    } catch (const EngineError& e) {
        throw UsageError{QStringLiteral("--%1: %2").arg(option, doc::fromLocalPath(e.what()))};
    }
}

// A --style folder or --style-list: one output per style.
void readBatchStyles(const QCommandLineParser& parser, CliOptions& o) {
    const bool folder = parser.isSet("style") && QFileInfo(o.style).isDir();
    if (!folder && !parser.isSet("style-list")) {
        return;
    }
    if (!o.moreStyles.isEmpty() || parser.isSet("style-weights") || parser.isSet("style-near")) {
        throw UsageError{QStringLiteral(
            "a style folder or --style-list gives one output per style; it does not mix with "
            "more --style or --style-weights")};
    }
    QStringList styles;
    if (parser.isSet("style")) {
        styles << o.style;  // a folder's pictures, or the file before the list's
    }
    if (parser.isSet("style-list")) {
        styles << readingInputs("style-list",
                                [&] { return readListFile(parser.value("style-list")); });
    }
    o.batchStyles = readingInputs("style", [&] { return expandInputs(styles); });
    o.style = o.batchStyles.constFirst();
}

// --content (any number, files or folders), --content-list, --output-dir,
// --name and --skip-existing.
void readBatch(const QCommandLineParser& parser, CliOptions& o) {
    o.outputDir = parser.value("output-dir");
    o.namePattern = parser.value("name");
    o.skipExisting = parser.isSet("skip-existing");
    QStringList contents = parser.values("content");
    const bool folder = std::any_of(contents.begin(), contents.end(),
                                    [](const QString& c) { return QFileInfo(c).isDir(); });
    if (parser.isSet("content-list")) {
        contents << readingInputs("content-list",
                                  [&] { return readListFile(parser.value("content-list")); });
    }
    const bool several = contents.size() > 1 || folder || !o.batchStyles.isEmpty();
    if (several && !o.isBatch()) {
        throw UsageError{QStringLiteral(
            "several contents or styles (repeated --content, a folder, --content-list, "
            "--style-list) need --output-dir")};
    }
    if (o.isBatch() && parser.isSet("output")) {
        throw UsageError{QStringLiteral("--output and --output-dir go one at a time")};
    }
    if (!o.isBatch() && parser.isSet("name")) {
        throw UsageError{QStringLiteral("--name needs --output-dir")};
    }
    if (!contents.isEmpty()) {
        o.contents = readingInputs("content", [&] { return expandInputs(contents); });
        o.content = o.contents.constFirst();
    }
    if (o.contents.size() > 1 && o.parameters.depthFromFile && !parser.isSet("depth")) {
        throw UsageError{QStringLiteral("the --params file names a depth map, which is for one "
                                        "content; a batch has %1 (give --depth '' to use MiDaS)")
                             .arg(o.contents.size())};
    }
    if (o.contents.size() > 1) {
        for (const char* option : {"depth", "focus", "save-depth", "save-strength"}) {
            if (parser.isSet(option) && !parser.value(option).isEmpty()) {
                throw UsageError{QStringLiteral("--%1 is for one content; a batch has %2")
                                     .arg(option)
                                     .arg(o.contents.size())};
            }
        }
    }
    if (o.isBatch() && (parser.isSet("save-depth") || parser.isSet("save-strength"))) {
        throw UsageError{QStringLiteral(
            "--save-depth and --save-strength are for --output (Export All in the app writes "
            "them beside a result)")};
    }
}

// A video content: its output, --video-normalize, --frames and
// --video-stats; the options that do not apply to a video are refused.
void readVideo(const QCommandLineParser& parser, CliOptions& o) {
    o.video = isVideoPath(doc::localPath(o.content));
    const char* videoOnly[] = {"video-normalize", "frames", "video-stats"};
    if (!o.video) {
        for (const char* option : videoOnly) {
            if (parser.isSet(option)) {
                throw UsageError{QStringLiteral("--%1 is for a video --content (mp4, avi, mov, "
                                                "mkv, ...)")
                                     .arg(option)};
            }
        }
        return;
    }
    if (o.isBatch() || o.contents.size() > 1) {
        throw UsageError{QStringLiteral("a video goes alone: one --content and --output")};
    }
    const std::string output = doc::localPath(o.output);
    if (!isWritableVideoPath(output) && !isSequencePattern(output)) {
        throw UsageError{QStringLiteral("--output: '%1' is neither a video (.mp4, .m4v, .mov, "
                                        ".mkv, .avi) nor a numbered sequence such as "
                                        "frames/%05d.png")
                             .arg(o.output)};
    }
    for (const char* option :
         {"sweep-beta", "sweep-epsilon", "save-depth", "save-strength", "depth"}) {
        if (parser.isSet(option) && !parser.value(option).isEmpty()) {
            throw UsageError{QStringLiteral("--%1 is not for a video").arg(option)};
        }
    }
    if (o.parameters.depthFromFile) {
        throw UsageError{
            QStringLiteral("the --params file names a depth map, which is for one "
                           "picture, not a video (give --depth '' to use MiDaS)")};
    }
    if (o.skipExisting && !isSequencePattern(output)) {
        throw UsageError{
            QStringLiteral("--skip-existing resumes a picture sequence, not a video file")};
    }
    if (parser.isSet("video-normalize")) {
        const QString mode = parser.value("video-normalize");
        if (mode == "clip") {
            o.videoNormalize = CliOptions::VideoNormalize::Clip;
        } else if (mode == "per-frame") {
            o.videoNormalize = CliOptions::VideoNormalize::PerFrame;
        } else {
            throw UsageError{
                QStringLiteral("--video-normalize: '%1' is not clip or per-frame").arg(mode)};
        }
    }
    const bool clip = o.videoNormalize == CliOptions::VideoNormalize::Clip &&
                      o.parameters.method == Method::DaAdain;
    const doc::Parameters& p = o.parameters;
    if (clip &&
        (!p.depthLevels.identity() || !p.depthEditPath.isEmpty() || p.focus || o.focusPixels)) {
        throw UsageError{QStringLiteral(
            "depth levels, --depth-invert, a depth edit and a focus (given, or from --params) "
            "do not combine with clip-wide normalisation; add --video-normalize per-frame")};
    }
    if (parser.isSet("video-stats")) {
        if (!clip) {
            throw UsageError{QStringLiteral(
                "--video-stats holds a clip-wide normalisation: it needs --method da-adain "
                "and --video-normalize clip")};
        }
        o.videoStats = parser.value("video-stats");
        if (sameFile(o.videoStats, o.output) || sameFile(o.videoStats, o.content)) {
            throw UsageError{
                QStringLiteral("--video-stats: '%1' is the video itself").arg(o.videoStats)};
        }
    }
    if (parser.isSet("frames")) {
        const QString text = parser.value("frames");
        const QStringList parts = text.split(QLatin1Char(':'));
        bool okFrom = false;
        bool okTo = true;
        const int from = parts.size() == 2 ? parts[0].toInt(&okFrom) : -1;
        const int to = parts.size() == 2 && !parts[1].isEmpty() ? parts[1].toInt(&okTo) : -1;
        if (!okFrom || !okTo || from < 0 || (to >= 0 && to <= from)) {
            throw UsageError{
                QStringLiteral("--frames: '%1' is not A:B with 0 <= A < B (or A: to the end)")
                    .arg(text)};
        }
        o.framesFrom = from;
        o.framesTo = to;
    }
}

// --style (any number), --style-weights, --style-near and --style-far.
void readStyles(const QCommandLineParser& parser, CliOptions& o) {
    doc::Parameters& p = o.parameters;
    const bool nearFar = parser.isSet("style-near") || parser.isSet("style-far");
    if (nearFar) {
        if (!parser.isSet("style-near") || !parser.isSet("style-far")) {
            throw UsageError{QStringLiteral("--style-near and --style-far go together")};
        }
        if (parser.isSet("style") || parser.isSet("style-weights")) {
            throw UsageError{
                QStringLiteral("--style-near and --style-far replace --style and --style-weights")};
        }
        o.style = parser.value("style-near");
        o.moreStyles = QStringList{parser.value("style-far")};
        p.styleMix = StyleMix{StyleMix::Kind::NearFar, {}};
        return;
    }
    if (parser.isSet("style")) {
        const QStringList styles = parser.values("style");
        o.style = styles.constFirst();
        o.moreStyles = styles.mid(1);
        p.styleMix = StyleMix{};  // new styles: the sidecar's mix no longer applies
    }
    if (parser.isSet("style-weights")) {
        const std::vector<double> weights =
            parseList("style-weights", parser.value("style-weights"), 0.0, 1e6);
        if (weights.size() != size_t(1 + o.moreStyles.size())) {
            throw UsageError{QStringLiteral("--style-weights: %1 weights for %2 styles")
                                 .arg(weights.size())
                                 .arg(1 + o.moreStyles.size())};
        }
        try {
            validate(StyleMix{StyleMix::Kind::Weights, weights});
        } catch (const EngineError& e) {
            throw UsageError{QStringLiteral("--style-weights: %1").arg(e.what())};
        }
        p.styleMix = StyleMix{StyleMix::Kind::Weights, weights};
    } else if (!o.moreStyles.isEmpty() && p.styleMix.kind == StyleMix::Kind::Weights &&
               p.styleMix.weights.empty()) {
        p.styleMix.weights.assign(size_t(1 + o.moreStyles.size()), 1.0);  // equal
    }
}

// --params and --preset: where the parameters start before the options.
void readStartingPoint(const QCommandLineParser& parser, CliOptions& o) {
    if (parser.isSet("params")) {
        try {
            const doc::Sidecar sidecar = doc::readSidecar(parser.value("params"));
            o.parameters = sidecar.parameters;
            o.content = sidecar.contentPath;
            o.style = sidecar.stylePath;
            o.moreStyles = sidecar.moreStylePaths;
        } catch (const EngineError& e) {
            throw UsageError{QStringLiteral("--params: %1").arg(doc::fromLocalPath(e.what()))};
        }
    }
    if (parser.isSet("preset")) {
        const std::optional<doc::Preset> preset = doc::presetByKey(parser.value("preset"));
        const std::optional<doc::UserPreset> mine =
            preset ? std::nullopt : doc::userPresetByName(parser.value("preset"));
        if (mine) {
            try {
                o.parameters = doc::applyPresetJson(mine->parameters, o.parameters);
            } catch (const EngineError& e) {
                throw UsageError{QStringLiteral("--preset: %1").arg(e.what())};
            }
            return;
        }
        if (!preset) {
            QStringList keys;
            for (const doc::Preset& p : doc::builtInPresets()) {
                keys << p.key;
            }
            for (const doc::UserPreset& p : doc::userPresets()) {
                keys << "'" + p.name + "'";
            }
            throw UsageError{QStringLiteral("--preset: '%1' is not one of %2")
                                 .arg(parser.value("preset"), keys.join(", "))};
        }
        o.parameters = preset->apply(o.parameters);
    }
}

CliOptions readOptions(const QCommandLineParser& parser) {
    if (!parser.positionalArguments().isEmpty()) {
        throw UsageError{QStringLiteral("unexpected argument '%1'")
                             .arg(parser.positionalArguments().constFirst())};
    }
    CliOptions o;
    readStartingPoint(parser, o);
    doc::Parameters& p = o.parameters;
    if (parser.isSet("content")) {
        o.content = parser.value("content");
    }
    readStyles(parser, o);
    readBatchStyles(parser, o);
    readBatch(parser, o);
    o.output = o.isBatch() ? o.outputDir : parser.value("output");
    if (o.moreStyles.contains(QString())) {
        throw UsageError{
            QStringLiteral("--style is required: the --params file names a pasted "
                           "style among its styles")};
    }
    for (const auto& [name, value] :
         {std::pair{"content", o.content}, {"style", o.style}, {"output", o.output}}) {
        if (value.isEmpty()) {
            throw UsageError{
                parser.isSet("params") && QString(name) != "output"
                    ? QStringLiteral("--%1 is required: the --params file names none").arg(name)
                : QString(name) == "output"
                    ? QStringLiteral("--output (or --output-dir for a batch) is required")
                    : QStringLiteral("--%1 is required").arg(name)};
        }
    }
    o.models = parser.value("models");
    if (parser.isSet("method")) {
        const QString method = parser.value("method");
        if (method == "da-adain") {
            p.method = Method::DaAdain;
        } else if (method == "adain") {
            p.method = Method::Adain;
        } else {
            throw UsageError{QStringLiteral("--method: '%1' is not da-adain or adain").arg(method)};
        }
    }
    if (parser.isSet("beta")) {
        p.beta = parseSingle("beta", parser.value("beta"), 0.0, 1e6);
    }
    if (parser.isSet("epsilon")) {
        p.epsilon = parseSingle("epsilon", parser.value("epsilon"), 0.0, 1.0);
    }
    if (parser.isSet("alpha")) {
        p.alpha = parseSingle("alpha", parser.value("alpha"), 0.0, 1.0);
    }
    if (parser.isSet("content-size")) {
        p.contentSize = parseSize("content-size", parser.value("content-size"));
    }
    if (parser.isSet("style-size")) {
        p.styleSize = parseSize("style-size", parser.value("style-size"));
    }
    if (parser.isSet("depth")) {
        p.depthFromFile = !parser.value("depth").isEmpty();
        p.depthPath = parser.value("depth");
        p.depthIsDistance = false;
    }
    if (parser.isSet("depth-is-distance")) {
        if (!p.depthFromFile) {
            throw UsageError{QStringLiteral("--depth-is-distance needs --depth")};
        }
        p.depthIsDistance = true;
    }
    readArtistControls(parser, o);
    readVideo(parser, o);
    o.saveDepth = parser.value("save-depth");
    o.saveStrength = parser.value("save-strength");
    if (parser.isSet("sweep-beta")) {
        o.sweepBeta = parseSweep("sweep-beta", parser.value("sweep-beta"), 0.0, 1e6);
    }
    if (parser.isSet("sweep-epsilon")) {
        o.sweepEpsilon = parseSweep("sweep-epsilon", parser.value("sweep-epsilon"), 0.0, 1.0);
    }
    if (o.isSweep() && p.method != Method::DaAdain) {
        throw UsageError{QStringLiteral("--sweep-beta and --sweep-epsilon need --method da-adain")};
    }
    if (parser.isSet("decoder-precision")) {
        const QString name = parser.value("decoder-precision");
        const std::optional<Precision> precision = precisionFromName(name.toStdString());
        if (!precision) {
            throw UsageError{
                QStringLiteral("--decoder-precision: '%1' is not fp32 or bf16").arg(name)};
        }
        p.fastDecoding = *precision == Precision::BFloat16;
    }
    if (parser.isSet("preserve-color")) {
        const QString name = parser.value("preserve-color");
        const std::optional<ColorPreservation> mode = colorPreservationFromName(name.toStdString());
        if (!mode) {
            throw UsageError{QStringLiteral("--preserve-color: '%1' is not none, "
                                            "style-to-content or luminance")
                                 .arg(name)};
        }
        p.preserveColor = *mode;
    }
    if (parser.isSet("threads")) {
        o.threads = parseThreads(parser.value("threads"));
    }
    if (o.video) {
        // One output file or a pattern: nothing to compare.
    } else if (o.isBatch()) {
        try {
            planBatch(o);  // two outputs of one name: refused before any work
        } catch (const EngineError& e) {
            throw UsageError{doc::fromLocalPath(e.what())};
        }
    } else {
        refuseOutputsThatAreOneFile(o);
    }
    return o;
}

}  // namespace

std::vector<std::pair<double, double>> CliOptions::sweepPoints() const {
    const std::vector<double> betas =
        sweepBeta.empty() ? std::vector<double>{parameters.beta} : sweepBeta;
    const std::vector<double> epsilons =
        sweepEpsilon.empty() ? std::vector<double>{parameters.epsilon} : sweepEpsilon;
    std::vector<std::pair<double, double>> points;
    for (double beta : betas) {
        for (double epsilon : epsilons) {
            points.emplace_back(beta, epsilon);
        }
    }
    return points;
}

ParseOutcome parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addOptions(parser);
    ParseOutcome outcome;
    if (!parser.parse(arguments)) {
        outcome.text = parser.errorText();
        outcome.exitCode = 2;
        return outcome;
    }
    if (parser.isSet("help")) {
        outcome.text = parser.helpText();
        return outcome;
    }
    if (parser.isSet("version")) {
        outcome.text = QCoreApplication::applicationName() + " " +
                       QCoreApplication::applicationVersion() + "\n";
        return outcome;
    }
    try {
        outcome.options = readOptions(parser);
    } catch (const UsageError& error) {
        outcome.text = error.message;
        outcome.exitCode = 2;
    }
    return outcome;
}

}  // namespace depthstyle::cli
