#include "render_values.h"

#include <opencv2/core.hpp>

namespace depthstyle::ui {

double comparisonAlpha(const doc::Parameters& parameters, const cv::Mat& strengthGrid) {
    if (parameters.method == Method::Adain) {
        return parameters.alpha;
    }
    if (!parameters.matchedStrength || strengthGrid.empty()) {
        return 0.0;
    }
    return cv::mean(strengthGrid)[0];
}

}  // namespace depthstyle::ui
