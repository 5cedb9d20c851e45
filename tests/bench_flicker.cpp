// Flicker benchmark on stand-in models: a synthetic clip (a still
// background, a near square moving across it) rendered with clip-wide and
// with per-frame depth normalisation; the mean absolute frame-to-frame
// change of the strength map P and of the output over the clip's still
// part. Frames go to the engine as decoded pictures (no codec noise).
// usage: depthstyle-flicker-bench MODEL_DIR [FRAMES] [WIDTH] [HEIGHT]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "depthstyle/model_files.h"
#include "depthstyle/session.h"
#include "synthetic_images.h"
#include "synthetic_video.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

Image imageOf(const cv::Mat& bgr) {
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    Image image;
    rgb.convertTo(image.rgb, CV_32FC3, 1.0 / 255.0);
    return image;
}

struct Flicker {
    double strength = 0;  // mean |P_t - P_t-1| over still cells
    double output = 0;    // mean |O_t - O_t-1| over still pixels, in 1/255
    double seconds = 0;   // for the whole clip, first pass included
};

// The clip's true proximity as a depth model would see it (a 16-bit PNG
// per frame in `folder`): the still background's, and the square coming
// nearer over the clip, so that each frame's maximum is new.
std::vector<std::string> writeSceneDepth(const std::string& folder, int frames, cv::Size size) {
    std::vector<std::string> files;
    const cv::Mat background = makeProximityPicture(size.width, size.height) * 0.7f;
    const cv::Mat still = syntheticClipStillPart(frames, size);
    for (int i = 0; i < frames; ++i) {
        cv::Mat proximity = background.clone();
        cv::Mat square;
        cv::cvtColor(syntheticClipFrame(i, frames, size), square, cv::COLOR_BGR2HSV);
        cv::inRange(square, cv::Scalar(0, 150, 150), cv::Scalar(10, 255, 255), square);
        proximity.setTo(0.72 + 0.28 * i / (frames - 1), square & ~still);
        cv::Mat png;
        proximity.convertTo(png, CV_16U, 65535.0);
        files.push_back(folder + "/depth" + std::to_string(i) + ".png");
        cv::imwrite(files.back(), png);
    }
    return files;
}

void setFrame(Session& session, int i, int frames, cv::Size size,
              const std::vector<std::string>& depthFiles) {
    session.setContent(imageOf(syntheticClipFrame(i, frames, size)), 0, "frame");
    if (!depthFiles.empty()) {
        session.setDepthSource({DepthSource::Kind::File, depthFiles[size_t(i)], false});
    }
}

Flicker measure(Session& session, int frames, cv::Size size, bool clipWide,
                const std::vector<std::string>& depthFiles) {
    const auto start = std::chrono::steady_clock::now();
    RenderParams params;
    if (clipWide) {
        ClipStatistics statistics;
        for (int i = 0; i < frames; ++i) {
            setFrame(session, i, frames, size, depthFiles);
            statistics.add(session.proximity());
        }
        params.strength.clip = statistics.result();
    }
    const cv::Mat still = syntheticClipStillPart(frames, size);
    cv::Mat stillCells;
    cv::resize(still, stillCells, cv::Size((size.width + 7) / 8, (size.height + 7) / 8), 0, 0,
               cv::INTER_AREA);
    stillCells = stillCells == 255;
    cv::Mat lastStrength;
    cv::Mat lastOutput;
    Flicker flicker;
    for (int i = 0; i < frames; ++i) {
        setFrame(session, i, frames, size, depthFiles);
        const cv::Mat strength = session.strengthMap(params);
        const cv::Mat output = session.render(params).rgb * 255.0;
        if (i > 0) {
            flicker.strength += cv::mean(cv::abs(strength - lastStrength), stillCells)[0];
            const cv::Scalar change = cv::mean(cv::abs(output - lastOutput), still);
            flicker.output += (change[0] + change[1] + change[2]) / 3.0;
        }
        lastStrength = strength;
        lastOutput = output;
    }
    flicker.strength /= frames - 1;
    flicker.output /= frames - 1;
    flicker.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return flicker;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL_DIR [FRAMES] [WIDTH] [HEIGHT]\n", argv[0]);
        return 2;
    }
    const int frames = argc > 2 ? std::atoi(argv[2]) : 24;
    const cv::Size size(argc > 3 ? std::atoi(argv[3]) : 384, argc > 4 ? std::atoi(argv[4]) : 256);
    if (frames < 2 || size.width < 64 || size.height < 64) {
        std::fprintf(stderr, "need at least 2 frames of 64x64\n");
        return 2;
    }
    Session session(ModelFiles::inDirectory(argv[1]));
    session.setStyle(imageOf(makeStylePicture(256, 256)), 0, "style");
    std::printf("synthetic clip: %d frames of %dx%d, a square moving across a still background\n",
                frames, size.width, size.height);
    char folder[] = "/tmp/depthstyle-flicker-XXXXXX";
    if (::mkdtemp(folder) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::vector<std::string> sceneDepth = writeSceneDepth(folder, frames, size);
    std::printf("%-34s %-10s %12s %14s %10s\n", "depth", "normalise", "P change", "output change",
                "s a frame");
    for (const bool scene : {false, true}) {
        for (const bool clipWide : {true, false}) {
            const Flicker f = measure(session, frames, size, clipWide,
                                      scene ? sceneDepth : std::vector<std::string>{});
            std::printf("%-34s %-10s %12.5f %14.3f %10.3f\n",
                        scene ? "scene's (square comes nearer)" : "stand-in MiDaS",
                        clipWide ? "clip" : "per-frame", f.strength, f.output, f.seconds / frames);
        }
    }
    std::printf(
        "P change: mean |P_t - P_t-1| over still feature cells; output change: mean "
        "|O_t - O_t-1| over still pixels, in 1/255\n");
    for (const std::string& file : sceneDepth) {
        std::remove(file.c_str());
    }
    ::rmdir(folder);
    return 0;
}
