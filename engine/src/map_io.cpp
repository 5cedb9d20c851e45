#include "depthstyle/map_io.h"

#include <filesystem>

#include <opencv2/core.hpp>

#include "depthstyle/image_io.h"

namespace depthstyle {
namespace {

enum class MapEncoding { Float, Sixteen, Eight };

MapEncoding encodingFor(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (ext == ".tif" || ext == ".tiff") {
        return MapEncoding::Float;
    }
    if (ext == ".png") {
        return MapEncoding::Sixteen;
    }
    return MapEncoding::Eight;
}

void saveScaled(const std::string& path, const cv::Mat& unit) {
    cv::Mat out;
    switch (encodingFor(path)) {
        case MapEncoding::Float:
            out = unit;
            break;
        case MapEncoding::Sixteen:
            unit.convertTo(out, CV_16U, 65535.0);
            break;
        case MapEncoding::Eight:
            unit.convertTo(out, CV_8U, 255.0);
            break;
    }
    writeEncodedAtomically(path, out);
}

}  // namespace

void saveProximityMap(const std::string& path, const cv::Mat& proximity) {
    if (encodingFor(path) == MapEncoding::Float) {
        writeEncodedAtomically(path, proximity);
        return;
    }
    cv::Mat unit;
    cv::normalize(proximity, unit, 0.0, 1.0, cv::NORM_MINMAX, CV_32F);
    saveScaled(path, unit);
}

void saveUnitMap(const std::string& path, const cv::Mat& map) {
    saveScaled(path, map);
}

}  // namespace depthstyle
