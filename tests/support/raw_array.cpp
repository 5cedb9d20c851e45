#include "raw_array.h"

#include <cstdint>
#include <cstring>
#include <fstream>

namespace depthstyle::test {

bool writeRawArray(const std::string& path, const cv::Mat& floats) {
    CV_Assert(floats.depth() == CV_32F);
    const cv::Mat packed = floats.isContinuous() ? floats : floats.clone();
    std::ofstream out(path, std::ios::binary);
    const int32_t header[3] = {packed.rows, packed.cols, packed.channels()};
    out.write("DSRW", 4);
    out.write(reinterpret_cast<const char*>(header), sizeof header);
    out.write(reinterpret_cast<const char*>(packed.data),
              static_cast<std::streamsize>(packed.total() * packed.elemSize()));
    return static_cast<bool>(out);
}

cv::Mat readRawArray(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    int32_t header[3] = {};
    in.read(magic, 4);
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (!in || std::memcmp(magic, "DSRW", 4) != 0 || header[2] < 1 || header[2] > 4) {
        return {};
    }
    cv::Mat out(header[0], header[1], CV_32FC(header[2]));
    in.read(reinterpret_cast<char*>(out.data),
            static_cast<std::streamsize>(out.total() * out.elemSize()));
    return in ? out : cv::Mat();
}

}  // namespace depthstyle::test
