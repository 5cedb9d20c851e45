#include "depth_estimator.h"

#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/script.h>

#include <filesystem>

#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "tensor_convert.h"

namespace depthstyle {

struct DepthEstimator::Model {
    std::string path;
    torch::jit::script::Module module;
};

DepthEstimator::DepthEstimator(std::unique_ptr<Model> model) : model_(std::move(model)) {}
DepthEstimator::DepthEstimator(DepthEstimator&&) noexcept = default;
DepthEstimator& DepthEstimator::operator=(DepthEstimator&&) noexcept = default;
DepthEstimator::~DepthEstimator() = default;

DepthEstimator DepthEstimator::load(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throwFileError(ErrorKind::ModelMissing, path,
                       "MiDaS model file not found; install the models with "
                       "packaging/fetch-models.sh, or give a depth map file instead");
    }
    auto model = std::make_unique<Model>();
    model->path = path;
    try {
        model->module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        throwFileError(ErrorKind::ModelInvalid, path,
                       "not a TorchScript model that LibTorch can load (" +
                           what.substr(0, what.find('\n')) + ")");
    }
    model->module.eval();
    return DepthEstimator(std::move(model));
}

cv::Mat midasInput(const cv::Mat& rgb) {
    cv::Mat resized;
    cv::resize(rgb, resized, cv::Size(DepthEstimator::kInputSide, DepthEstimator::kInputSide), 0, 0,
               cv::INTER_CUBIC);
    cv::Mat normalised;
    cv::subtract(resized, cv::Scalar(0.485, 0.456, 0.406), normalised);
    cv::divide(normalised, cv::Scalar(0.229, 0.224, 0.225), normalised);
    return normalised;
}

cv::Mat DepthEstimator::proximity(const cv::Mat& rgb, const Progress& progress) const {
    progress.step(Stage::Depth, 0.0);
    const at::Tensor input = imageToTensor(midasInput(rgb));
    at::Tensor output;
    try {
        torch::NoGradGuard noGrad;
        // One run per picture: the executor's profiling runs and graph
        // optimisations would only pay from the third run on.
        const torch::jit::GraphOptimizerEnabledGuard plain(false);
        output = model_->module.forward({input}).toTensor();
    } catch (const std::exception& e) {
        const std::string what = e.what();
        throwFileError(ErrorKind::ModelInvalid, model_->path,
                       "the depth model failed on a 1x3x256x256 input (" +
                           what.substr(0, what.find('\n')) + ")");
    }
    const int side = kInputSide;
    if (output.numel() != side * side) {
        throwFileError(ErrorKind::ModelInvalid, model_->path,
                       "the depth model's output has " + std::to_string(output.numel()) +
                           " values, expected 1x256x256");
    }
    if (!at::isfinite(output).all().item<bool>()) {
        // A flat or NaN strength map would follow silently.
        throwFileError(ErrorKind::ModelInvalid, model_->path,
                       "the depth model's output holds NaN or infinite values");
    }
    progress.step(Stage::Depth, 0.9);
    cv::Mat small = tensorToMap(output, side, side);
    cv::Mat full;
    cv::resize(small, full, rgb.size(), 0, 0, cv::INTER_LINEAR);
    progress.step(Stage::Depth, 1.0);
    return full;
}

}  // namespace depthstyle
