// depthstyle-bench: per-stage medians, whole runs, re-decode cost, peak
// memory and GFLOP/s of DepthStyle at two settings, beside the same
// networks in eager PyTorch (and OpenCV DNN when ONNX files are given).
// tools/benchmark.sh prepares stand-in models and runs it.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "child_process.h"
#include "cli_times.h"
#include "depthstyle/image_compare.h"
#include "depthstyle/network_cost.h"
#include "depthstyle/process_setup.h"
#include "depthstyle/session.h"
#include "opencv_dnn_peer.h"
#include "processor_report.h"
#include "run_split.h"
#include "setting_ab.h"
#include "stage_timer.h"

using namespace depthstyle;
using namespace depthstyle::bench;

namespace {

constexpr double kPeakGflops = 410.0;  // the 2-core machine's FP32 peak

struct Setting {
    const char* name;
    cv::Size content;
    int contentSize;
    cv::Size style;
    int styleSize;
};

void writeSmoothPicture(const std::string& path, cv::Size size, int seed) {
    cv::RNG rng(static_cast<uint64_t>(seed));
    cv::Mat small(8, 12, CV_8UC3);
    rng.fill(small, cv::RNG::UNIFORM, 0, 256);
    cv::Mat picture;
    cv::resize(small, picture, size, 0, 0, cv::INTER_CUBIC);
    cv::imwrite(path, picture);
}

struct Options {
    std::string models;
    std::string published;
    std::string cli;
    std::string python;
    std::string eagerScript;
    std::string exportScript;  // tools/export_onnx.py; empty: no OpenCV DNN peer
    int repeats = 3;
    int threads = 2;
    bool splitOnly = false;  // only the traced whole runs
    // Only whole runs in turns under two values of one variable
    // (--huge-pages-ab, --kernels-ahead-ab): none when `pairs` is 0.
    struct Comparison {
        int pairs = 0;
        const char* title = "";
        const char* variable = "";
        const char* first = "";
        const char* second = "";
        const char* firstLabel = "";
        const char* secondLabel = "";
    } comparison;
    // Only whole runs of --cli and of this other depthstyle-cli in turns
    // (--against, before and after a change): none when empty.
    std::string against;
    int againstPairs = 0;
};

void benchmark(const Setting& s, const Options& o, const QTemporaryDir& dir) {
    const std::string content = dir.filePath("content.png").toStdString();
    const std::string style = dir.filePath("style.png").toStdString();
    const std::string output = dir.filePath("out.png").toStdString();
    writeSmoothPicture(content, s.content, 1);
    writeSmoothPicture(style, s.style, 2);
    const std::vector<std::string> cliBase{o.cli,
                                           "--models",
                                           o.models,
                                           "--content",
                                           content,
                                           "--style",
                                           style,
                                           "--output",
                                           output,
                                           "--content-size",
                                           std::to_string(s.contentSize),
                                           "--style-size",
                                           std::to_string(s.styleSize),
                                           "--threads",
                                           std::to_string(o.threads)};
    // One run first, untimed: the files in the page cache, and this
    // machine's one-time measurements (the stripe size) made and remembered.
    runMeasured(cliBase);
    if (!o.against.empty()) {
        std::vector<std::string> againstArgv = cliBase;
        againstArgv.front() = o.against;
        runMeasured(againstArgv);  // its one-time measurements, if it makes others
        std::printf(
            "\n### %s: two programs (%d pairs of whole runs in turns)\n\n- A: %s\n- B: %s\n",
            s.name, o.againstPairs, o.cli.c_str(), o.against.c_str());
        printRunComparison(
            compareRuns({"A", cliBase, "", ""}, {"B", againstArgv, "", ""}, o.againstPairs));
        return;
    }
    if (const Options::Comparison& c = o.comparison; c.pairs > 0) {
        std::printf("\n### %s: %s (%d pairs of whole runs in turns)\n\n", s.name, c.title, c.pairs);
        if (std::string(c.variable) == "DEPTHSTYLE_HUGE_PAGES") {
            std::printf("- %s\n", hugePagesKernelSetting().c_str());
        }
        printRunComparison(compareSetting(cliBase, c.variable, c.first, c.second, c.pairs,
                                          c.firstLabel, c.secondLabel));
        return;
    }
    std::vector<RunSplit> splits;
    std::vector<double> untraced;
    for (int r = 0; r < o.repeats; ++r) {
        splits.push_back(traceRun(cliBase));
        const ChildRun plain = runMeasured(cliBase);
        if (!splits.back().ok || plain.exitCode != 0) {
            std::fprintf(stderr, "depthstyle-cli failed%s\n",
                         plain.exitCode == 0 ? " under DEPTHSTYLE_TRACE=1" : "");
            return;
        }
        untraced.push_back(plain.seconds);
    }
    if (o.splitOnly) {
        std::printf("\n### %s\n", s.name);
        printSplit(medianSplit(splits), o.repeats);
        printUntracedWhole(splits, untraced);
        return;
    }
    const CliTimes fp32 = timeCli(cliBase, Precision::Float32, o.repeats);
    const CliTimes bf16 = timeCli(cliBase, Precision::BFloat16, o.repeats);
    if (!fp32.ok || !bf16.ok) {
        std::fprintf(stderr, "depthstyle-cli failed\n");
        return;
    }

    std::map<Stage, std::vector<double>> stages;
    std::vector<double> bf16Decoding;
    ImageDifference comparison;
    cv::Size used;
    cv::Size styleUsed;
    for (int r = 0; r < o.repeats; ++r) {
        Session session(ModelFiles::inDirectory(o.models));
        session.setContent(content, s.contentSize);
        session.setStyle(style, s.styleSize);
        used = session.content().rgb.size();
        styleUsed = session.style().rgb.size();
        StageTimer timer;
        const Image exact = session.render({}, timer.progress());
        for (const auto& [stage, seconds] : timer.seconds()) {
            stages[stage].push_back(seconds);
        }
        RenderParams fast;
        fast.decoderPrecision = Precision::BFloat16;
        timer.clear();
        const Image approximate = session.render(fast, timer.progress());
        bf16Decoding.push_back(timer.seconds().at(Stage::Decoding));
        comparison = compareImages(exact, approximate);
    }

    QJsonObject eager;
    if (!o.published.empty()) {
        const std::string json = runCaptured(
            {o.python, o.eagerScript, "--published", o.published, "--content-size",
             std::to_string(used.width), std::to_string(used.height), "--style-size",
             std::to_string(styleUsed.width), std::to_string(styleUsed.height), "--repeats",
             std::to_string(o.repeats), "--threads", std::to_string(o.threads)});
        eager = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    }
    DnnTimes dnn;
    if (!o.exportScript.empty() && !o.published.empty()) {
        const std::string onnx = dir.filePath("onnx").toStdString();
        const ChildRun exported =
            runMeasured({o.python, o.exportScript, o.published, onnx, std::to_string(used.width),
                         std::to_string(used.height)});
        if (exported.exitCode == 0) {
            dnn = timeOpenCvDnn(onnx, used, o.repeats, o.threads);
        } else {
            std::fprintf(stderr, "ONNX export failed: no OpenCV DNN figures\n");
        }
    }

    const double encGflop = encoderFlops(used) / 1e9;
    const double styleGflop = encoderFlops(styleUsed) / 1e9;
    const double decGflop = decoderFlops(used) / 1e9;
    std::printf("\n### %s (content %dx%d, style %dx%d, %d threads, median of %d)\n\n", s.name,
                used.width, used.height, styleUsed.width, styleUsed.height, o.threads, o.repeats);
    std::printf(
        "| stage | DepthStyle s | eager PyTorch s | speed-up | DepthStyle GFLOP/s (%% of "
        "peak) | OpenCV DNN s |\n|---|---|---|---|---|---|\n");
    const struct {
        Stage stage;
        const char* label;
        const char* eagerKey;
        double gflop;
        double dnnSeconds;
    } rows[] = {
        {Stage::Depth, "depth (MiDaS)", "depth", 0, 0},
        {Stage::ContentEncoding, "content encoding", "content_encoding", encGflop, dnn.encoder},
        {Stage::StyleEncoding, "style encoding", "style_encoding", styleGflop, 0},
        {Stage::AdaIN, "AdaIN", "adain", 0, 0},
        {Stage::StrengthMap, "strength map", "", 0, 0},
        {Stage::Decoding, "decoding", "decoding", decGflop, dnn.decoder}};
    for (const auto& row : rows) {
        const double ours = median(stages[row.stage]);
        const double theirs = row.eagerKey[0] != 0 ? eager.value(row.eagerKey).toDouble() : 0.0;
        std::printf(
            "| %s | %.3f | %s | %s | %s | %s |\n", row.label, ours,
            theirs > 0 ? QByteArray::number(theirs, 'f', 3).constData() : "-",
            theirs > 0 ? QByteArray::number(theirs / ours, 'f', 2).append("x").constData() : "-",
            row.gflop > 0
                ? QByteArray::number(row.gflop / ours, 'f', 0)
                      .append(" (")
                      .append(QByteArray::number(100 * row.gflop / ours / kPeakGflops, 'f', 0))
                      .append("%)")
                      .constData()
                : "-",
            row.dnnSeconds > 0 ? QByteArray::number(row.dnnSeconds, 'f', 3).constData() : "-");
    }
    std::printf("| decoding, bf16 | %.3f | | | %.0f (%.0f%% of the FP32 peak) | |\n",
                median(bf16Decoding), decGflop / median(bf16Decoding),
                100 * decGflop / median(bf16Decoding) / kPeakGflops);
    const double wholeRun = median(fp32.whole);
    const double eagerTotal = eager.value("total").toDouble();
    std::printf("\n- whole run, process start to file written: %.2f s", wholeRun);
    if (eagerTotal > 0) {
        std::printf(" (eager PyTorch networks alone: %.2f s, ratio %.2fx)", eagerTotal,
                    eagerTotal / wholeRun);
    }
    const double redecode = (median(fp32.sweep5) - wholeRun) / 4.0;
    std::printf(
        "\n- re-decode after a beta change ((5 values - 1) / 4): %.2f s = %.0f%% of a "
        "whole run\n",
        redecode, 100.0 * redecode / wholeRun);
    const double fastWhole = median(bf16.whole);
    const double fastRedecode = (median(bf16.sweep5) - fastWhole) / 4.0;
    std::printf(
        "- with --decoder-precision bf16: whole run %.2f s, re-decode %.2f s = %.0f%% of "
        "that whole run (%.0f%% of the fp32 one); PSNR against fp32 %.1f dB on the float "
        "result, %.1f dB on 8-bit output, largest 8-bit difference %d\n",
        fastWhole, fastRedecode, 100.0 * fastRedecode / fastWhole, 100.0 * fastRedecode / wholeRun,
        comparison.psnrFloat, comparison.psnr8Bit, comparison.maxDifference8Bit);
    std::printf("- peak memory of the CLI: %.0f MB (bf16 decoder: %.0f MB)", median(fp32.peak),
                median(bf16.peak));
    if (eager.contains("peak_rss_mb")) {
        std::printf(" (eager PyTorch process: %.0f MB)", eager.value("peak_rss_mb").toDouble());
    }
    std::printf("\n");
    printSplit(medianSplit(splits), o.repeats);
    printUntracedWhole(splits, untraced);
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("DepthStyle benchmark (see tools/benchmark.sh).");
    parser.addHelpOption();
    const auto option = [&](const char* name, const char* help, const char* value) {
        parser.addOption(QCommandLineOption(name, help, value));
    };
    option("models", "Installed model directory (required).", "dir");
    option("published", "Published-format model files, for the eager peer.", "dir");
    option("cli", "depthstyle-cli to time whole runs.", "file");
    option("python", "Python with torch (default /usr/bin/python3).", "file");
    option("eager-script", "tools/bench_eager.py.", "file");
    option("export-script", "tools/export_onnx.py, for the OpenCV DNN peer.", "file");
    option("repeats", "Repeats per measurement (default 3).", "N");
    option("threads", "Threads (default 2).", "N");
    option("settings", "small, paper or both (default both).", "which");
    parser.addOption(QCommandLineOption("split-only", "Only split whole CLI runs (fast)."));
    option("huge-pages-ab",
           "Only time N pairs of whole CLI runs without and with DEPTHSTYLE_HUGE_PAGES=1.", "N");
    option("kernels-ahead-ab",
           "Only time N pairs of whole CLI runs with DEPTHSTYLE_KERNELS_AHEAD=0 and without.", "N");
    option("against",
           "Only time --pairs N pairs of whole runs of --cli (A) and of this other "
           "depthstyle-cli (B), in turns: before and after a change.",
           "file");
    option("pairs", "Pairs for --against.", "N");
    parser.process(app);
    Options o;
    o.models = parser.value("models").toStdString();
    o.published = parser.value("published").toStdString();
    o.cli = parser.value("cli").toStdString();
    o.python = parser.isSet("python") ? parser.value("python").toStdString() : "/usr/bin/python3";
    o.eagerScript = parser.value("eager-script").toStdString();
    o.exportScript = parser.value("export-script").toStdString();
    o.splitOnly = parser.isSet("split-only");
    const Options::Comparison comparisons[] = {
        {0, "transparent huge pages", "DEPTHSTYLE_HUGE_PAGES", "0", "1",
         "4 KiB pages (the default)", "DEPTHSTYLE_HUGE_PAGES=1"},
        {0, "kernels made while LibTorch loads", "DEPTHSTYLE_KERNELS_AHEAD", "0", "1",
         "DEPTHSTYLE_KERNELS_AHEAD=0", "kernels ahead (the default)"}};
    const char* comparisonOptions[] = {"huge-pages-ab", "kernels-ahead-ab"};
    for (size_t i = 0; i < std::size(comparisonOptions); ++i) {
        if (!parser.isSet(comparisonOptions[i])) {
            continue;
        }
        bool number = false;
        o.comparison = comparisons[i];
        o.comparison.pairs = parser.value(comparisonOptions[i]).toInt(&number);
        if (!number || o.comparison.pairs < 1) {
            std::fprintf(stderr, "depthstyle-bench: --%s needs a number of pairs >= 1\n",
                         comparisonOptions[i]);
            return 2;
        }
    }
    if (parser.isSet("pairs") && !parser.isSet("against")) {
        std::fprintf(stderr, "depthstyle-bench: --pairs is for --against\n");
        return 2;
    }
    if (parser.isSet("against")) {
        const QFileInfo program(parser.value("against"));
        if (!program.isFile() || !program.isExecutable()) {
            std::fprintf(stderr, "depthstyle-bench: --against '%s': not an executable file\n",
                         qPrintable(parser.value("against")));
            return 2;
        }
        bool number = false;
        o.against = parser.value("against").toStdString();
        o.againstPairs = parser.value("pairs").toInt(&number);
        if (!number || o.againstPairs < 1) {
            std::fprintf(stderr, "depthstyle-bench: --against needs --pairs N, N >= 1\n");
            return 2;
        }
    }
    o.repeats = parser.isSet("repeats") ? parser.value("repeats").toInt() : 3;
    o.threads = parser.isSet("threads") ? parser.value("threads").toInt() : 2;
    if (o.models.empty() || o.cli.empty()) {
        std::fprintf(stderr, "depthstyle-bench: --models and --cli are required\n");
        return 2;
    }
    configureProcess(o.threads);
    std::printf("processor: %s\n", processorReport().c_str());
    const QString which = parser.isSet("settings") ? parser.value("settings") : "both";
    QTemporaryDir dir;
    const Setting settings[] = {
        {"768x512 content, 512x512 style", {768, 512}, 512, {512, 512}, 512},
        {"paper's setting: content smaller side 1000, style 300",
         {1500, 1000},
         1000,
         {450, 300},
         300}};
    for (const Setting& s : settings) {
        const bool paper = s.contentSize == 1000;
        if (which == "both" || (paper ? which == "paper" : which == "small")) {
            benchmark(s, o, dir);
        }
    }
    return 0;
}
