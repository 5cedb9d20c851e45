#include "depthstyle/decoder_speed.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "depthstyle/engine_error.h"
#include "depthstyle/measurement_turns.h"
#include "depthstyle/precision.h"
#include "depthstyle/run_trace.h"
#include "machine_cache.h"
#include "model_networks.h"

namespace depthstyle {
namespace {

// The cache lines' format: both times (machine_cache.h).
constexpr const char* kFormat = "1";

double secondsOf(const ConvStack& decoder, const at::Tensor& probe, Precision precision,
                 const MeasurementTurns& turns) {
    return timeOnTurn(turns, [&](const Progress& progress) {
        decoder.forward(probe, Stage::Decoding, progress, precision);
    });
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

DecoderSpeed measureDecoderSpeed(const Models& models, const MeasurementTurns& turns) {
    const trace::Muted quiet;  // the probe's stages are not the run's
    const ConvStack& decoder = models.networks().decoder;
    const at::Tensor probe = at::rand({1, 512, 32, 32}, at::TensorOptions().dtype(at::kFloat));
    DecoderSpeed speed;
    speed.processor = processorName();
    speed.threads = at::get_num_threads();
    secondsOf(decoder, probe, Precision::Float32, turns);  // warm-up: first-touch and kernel choice
    secondsOf(decoder, probe, Precision::BFloat16, turns);
    std::vector<double> float32;
    std::vector<double> bfloat16;
    for (int i = 0; i < 3; ++i) {
        float32.push_back(secondsOf(decoder, probe, Precision::Float32, turns));
        bfloat16.push_back(secondsOf(decoder, probe, Precision::BFloat16, turns));
    }
    speed.float32Seconds = median(float32);
    speed.bfloat16Seconds = median(bfloat16);
    return speed;
}

std::string decoderSpeedCacheFile() {
    return machineCacheFile("decoder-speed");
}

std::optional<DecoderSpeed> rememberedDecoderSpeed(const std::string& file,
                                                   const std::string& processor, int threads) {
    const auto times = rememberedMeasurement(file, kFormat, {processor, threads}, 2);
    if (!times) {
        return std::nullopt;
    }
    return DecoderSpeed{processor, threads, (*times)[0], (*times)[1]};
}

void rememberDecoderSpeed(const std::string& file, const DecoderSpeed& speed) {
    rememberMeasurement(file, kFormat, {speed.processor, speed.threads},
                        {speed.float32Seconds, speed.bfloat16Seconds});
}

std::optional<DecoderSpeed> rememberedDecoderSpeed() {
    return rememberedDecoderSpeed(decoderSpeedCacheFile(), processorName(), at::get_num_threads());
}

DecoderSpeed decoderSpeed(const Models& models, const MeasurementTurns& turns) {
    if (std::optional<DecoderSpeed> known = rememberedDecoderSpeed()) {
        return *known;
    }
    // Measuring alone, the whole measurement holds the lock; on turns, each
    // step does (timeOnTurn).
    // Where nothing can be remembered, nothing is locked either (a folder
    // that cannot be written), as before.
    std::optional<MachineCacheLock> lock;
    if (!turns.await && canRemember(decoderSpeedCacheFile())) {
        lock.emplace(turns.stop, turns.waitingForOthers);
        if (lock->stopped()) {
            throw EngineError(ErrorKind::Cancelled, "measurement stopped while another one ran");
        }
    }
    if (std::optional<DecoderSpeed> known = rememberedDecoderSpeed()) {
        return *known;  // measured by a program that held the lock first
    }
    const DecoderSpeed measured = measureDecoderSpeed(models, turns);
    if (!rememberOnTurns(turns, [&] { rememberDecoderSpeed(decoderSpeedCacheFile(), measured); })) {
        throw EngineError(ErrorKind::Cancelled,
                          "measurement stopped while waiting for the measuring lock");
    }
    return measured;
}

}  // namespace depthstyle
