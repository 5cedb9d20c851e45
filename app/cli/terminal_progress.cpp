#include "terminal_progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace depthstyle::cli {
namespace {

// Whether the terminal's progress line waits for its end.
bool progressLineOpen = false;

}  // namespace

Progress terminalProgress(const std::atomic<bool>* cancel) {
    Progress progress;
    progress.cancel = cancel;
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

void printLine(const std::string& text) {
    if (progressLineOpen) {
        std::fputc('\n', stderr);
        progressLineOpen = false;
    }
    std::fprintf(stderr, "depthstyle-cli: %s\n", text.c_str());
    std::fflush(stderr);
}

std::string durationText(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    char text[32];
    if (total < 60) {
        std::snprintf(text, sizeof text, "%ld s", total);
    } else if (total < 3600) {
        std::snprintf(text, sizeof text, "%ld min %02ld s", total / 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%ld h %02ld min", total / 3600, (total % 3600) / 60);
    }
    return text;
}

}  // namespace depthstyle::cli
