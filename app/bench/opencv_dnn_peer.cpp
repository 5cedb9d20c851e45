#include "opencv_dnn_peer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <vector>

namespace depthstyle::bench {
namespace {

double medianPass(cv::dnn::Net& net, const cv::Mat& blob, int repeats) {
    std::vector<double> times;
    net.setInput(blob);
    net.forward();  // warm-up: OpenCV allocates and fuses on the first pass
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        net.setInput(blob);
        net.forward();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

DnnTimes timeOpenCvDnn(const std::string& onnxDir, cv::Size size, int repeats, int threads) {
    DnnTimes times;
    cv::setNumThreads(threads);
    try {
        cv::dnn::Net encoder = cv::dnn::readNetFromONNX(onnxDir + "/encoder.onnx");
        const int image[] = {1, 3, size.height, size.width};
        cv::Mat blob(4, image, CV_32F);
        cv::randu(blob, 0.0, 1.0);
        times.encoder = medianPass(encoder, blob, repeats);
        cv::dnn::Net decoder = cv::dnn::readNetFromONNX(onnxDir + "/decoder.onnx");
        const int features[] = {1, 512, (size.height + 7) / 8, (size.width + 7) / 8};
        cv::Mat featureBlob(4, features, CV_32F);
        cv::randu(featureBlob, 0.0, 1.0);
        times.decoder = medianPass(decoder, featureBlob, repeats);
    } catch (const cv::Exception& e) {
        std::fprintf(stderr, "OpenCV DNN peer failed: %s\n", e.what());
    }
    return times;
}

}  // namespace depthstyle::bench
