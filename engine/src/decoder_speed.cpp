#include "depthstyle/decoder_speed.h"

#include <unistd.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/api/include/torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cache_folder.h"
#include "depthstyle/precision.h"
#include "model_networks.h"

namespace depthstyle {
namespace {

namespace fs = std::filesystem;

// A line of the cache: version, LibTorch, processor, threads, both times.
constexpr const char* kFormat = "1";

double secondsOf(const ConvStack& decoder, const at::Tensor& probe, Precision precision) {
    const auto start = std::chrono::steady_clock::now();
    decoder.forward(probe, Stage::Decoding, Progress(), precision);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Entry {
    std::string torch;
    std::string processor;
    int threads = 0;
    double float32Seconds = 0;
    double bfloat16Seconds = 0;
};

std::optional<Entry> parse(const std::string& line) {
    std::istringstream in(line);
    std::string format;
    Entry e;
    if (!std::getline(in, format, '\t') || format != kFormat || !std::getline(in, e.torch, '\t') ||
        !std::getline(in, e.processor, '\t') ||
        !(in >> e.threads >> e.float32Seconds >> e.bfloat16Seconds)) {
        return std::nullopt;
    }
    if (e.threads < 1 || !(e.float32Seconds > 0) || !(e.bfloat16Seconds > 0)) {
        return std::nullopt;
    }
    return e;
}

std::string lineOf(const DecoderSpeed& speed) {
    char times[64];
    std::snprintf(times, sizeof times, "%.6g\t%.6g", speed.float32Seconds, speed.bfloat16Seconds);
    return std::string(kFormat) + "\t" + TORCH_VERSION + "\t" + speed.processor + "\t" +
           std::to_string(speed.threads) + "\t" + times;
}

}  // namespace

std::string processorName() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string name = "unknown processor";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            if (colon != std::string::npos) {
                name = line.substr(line.find_first_not_of(" \t", colon + 1));
            }
            break;
        }
    }
    std::replace(name.begin(), name.end(), '\t', ' ');
    return cpuHasNativeBFloat16() ? name + " +bf16" : name;
}

DecoderSpeed measureDecoderSpeed(const Models& models) {
    const ConvStack& decoder = models.networks().decoder;
    const at::Tensor probe = at::rand({1, 512, 32, 32}, at::TensorOptions().dtype(at::kFloat));
    DecoderSpeed speed;
    speed.processor = processorName();
    speed.threads = at::get_num_threads();
    secondsOf(decoder, probe, Precision::Float32);  // warm-up: first-touch and kernel choice
    secondsOf(decoder, probe, Precision::BFloat16);
    std::vector<double> float32;
    std::vector<double> bfloat16;
    for (int i = 0; i < 3; ++i) {
        float32.push_back(secondsOf(decoder, probe, Precision::Float32));
        bfloat16.push_back(secondsOf(decoder, probe, Precision::BFloat16));
    }
    speed.float32Seconds = median(float32);
    speed.bfloat16Seconds = median(bfloat16);
    return speed;
}

std::string decoderSpeedCacheFile() {
    const fs::path folder = cacheFolder();
    return folder.empty() ? std::string() : (folder / "decoder-speed").string();
}

std::optional<DecoderSpeed> rememberedDecoderSpeed(const std::string& file,
                                                   const std::string& processor, int threads) {
    std::ifstream in(file);
    std::string line;
    while (in && std::getline(in, line)) {
        const std::optional<Entry> e = parse(line);
        if (e && e->torch == TORCH_VERSION && e->processor == processor && e->threads == threads) {
            return DecoderSpeed{e->processor, e->threads, e->float32Seconds, e->bfloat16Seconds};
        }
    }
    return std::nullopt;
}

void rememberDecoderSpeed(const std::string& file, const DecoderSpeed& speed) {
    if (file.empty()) {
        return;
    }
    std::vector<std::string> lines;
    {
        std::ifstream in(file);
        std::string line;
        while (in && std::getline(in, line) && lines.size() < 64) {
            const std::optional<Entry> e = parse(line);
            if (e && !(e->torch == TORCH_VERSION && e->processor == speed.processor &&
                       e->threads == speed.threads)) {
                lines.push_back(line);
            }
        }
    }
    lines.push_back(lineOf(speed));
    std::error_code ec;
    fs::create_directories(fs::path(file).parent_path(), ec);
    const std::string temp = file + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::trunc);
        for (const std::string& line : lines) {
            out << line << '\n';
        }
        if (!out.flush()) {
            fs::remove(temp, ec);
            return;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
    }
}

std::optional<DecoderSpeed> rememberedDecoderSpeed() {
    return rememberedDecoderSpeed(decoderSpeedCacheFile(), processorName(), at::get_num_threads());
}

DecoderSpeed decoderSpeed(const Models& models) {
    if (std::optional<DecoderSpeed> known = rememberedDecoderSpeed()) {
        return *known;
    }
    const DecoderSpeed measured = measureDecoderSpeed(models);
    rememberDecoderSpeed(decoderSpeedCacheFile(), measured);
    return measured;
}

}  // namespace depthstyle
