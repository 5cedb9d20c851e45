#include "tensor_convert.h"

#include <ATen/ATen.h>

#include <opencv2/core.hpp>

namespace depthstyle {

at::Tensor imageToTensor(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_32FC3);
    const cv::Mat packed = rgb.isContinuous() ? rgb : rgb.clone();
    const at::Tensor hwc = at::from_blob(const_cast<float*>(packed.ptr<float>()),
                                         {packed.rows, packed.cols, 3}, at::kFloat);
    // HWC memory is already the channels-last layout the networks run in.
    return hwc.permute({2, 0, 1}).unsqueeze(0).clone(at::MemoryFormat::ChannelsLast);
}

at::Tensor imageTensorView(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_32FC3);
    if (!rgb.isContinuous()) {
        return imageToTensor(rgb);
    }
    return at::from_blob(const_cast<float*>(rgb.ptr<float>()), {1, rgb.rows, rgb.cols, 3},
                         at::kFloat)
        .permute({0, 3, 1, 2});
}

at::Tensor mapToTensor(const cv::Mat& map) {
    CV_Assert(map.type() == CV_32FC1);
    const cv::Mat packed = map.isContinuous() ? map : map.clone();
    return at::from_blob(const_cast<float*>(packed.ptr<float>()), {1, 1, packed.rows, packed.cols},
                         at::kFloat)
        .clone();
}

cv::Mat tensorToMap(const at::Tensor& tensor, int rows, int cols) {
    const at::Tensor flat = tensor.to(at::kFloat).contiguous().reshape({rows, cols});
    cv::Mat out(rows, cols, CV_32FC1);
    std::memcpy(out.ptr<float>(), flat.data_ptr<float>(), sizeof(float) * rows * cols);
    return out;
}

}  // namespace depthstyle
