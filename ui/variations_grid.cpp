#include "variations_grid.h"

#include <algorithm>
#include <cmath>

namespace depthstyle::ui {
namespace {

// Rounded to 1 / `perUnit` as the panel's spin boxes round (the nearest
// double to the decimal), so that the values compare equal to the panel's.
double roundedTo(double value, double perUnit) {
    return std::round(value * perUnit) / perUnit;
}

std::vector<double> axisValues(const VariationAxis& axis, bool geometric, double perUnit) {
    std::vector<double> values;
    if (axis.count <= 1) {
        values.push_back(roundedTo(axis.from, perUnit));
        return values;
    }
    for (int i = 0; i < axis.count; ++i) {
        const double t = static_cast<double>(i) / (axis.count - 1);
        const double v = geometric ? axis.from * std::pow(axis.to / axis.from, t)
                                   : axis.from + t * (axis.to - axis.from);
        const double r = roundedTo(v, perUnit);
        // Ends that round alike (a narrow range) give one value, not two.
        if (values.empty() || std::abs(values.back() - r) > 0.5 / perUnit) {
            values.push_back(r);
        }
    }
    return values;
}

}  // namespace

double roundedBeta(double beta) {
    return roundedTo(beta, 10.0);
}

double roundedEpsilon(double epsilon) {
    return roundedTo(epsilon, 100.0);
}

std::vector<double> VariationGrid::betas() const {
    return axisValues(beta, beta.from > 0.0 && beta.to > 0.0, 10.0);
}

std::vector<double> VariationGrid::epsilons() const {
    return axisValues(epsilon, false, 100.0);
}

VariationAxis clampedAxis(VariationAxis axis, double maximum) {
    axis.from = std::clamp(axis.from, 0.0, maximum);
    axis.to = std::clamp(axis.to, 0.0, maximum);
    if (axis.to < axis.from) {
        std::swap(axis.from, axis.to);
    }
    axis.count = std::clamp(axis.count, 1, kMaxAxisCount);
    return axis;
}

VariationGrid defaultVariationGrid(double beta, double epsilon) {
    VariationGrid grid;
    beta = std::clamp(beta, 0.0, kBetaMax);
    if (beta < 1.0) {
        grid.beta = {0.0, 10.0, 3};
    } else {
        const double top = std::min(2.0 * beta, kBetaMax);
        grid.beta = {top / 4.0, top, 3};
    }
    epsilon = std::clamp(epsilon, 0.0, kEpsilonMax);
    const double low = std::clamp(epsilon - 0.1, 0.0, kEpsilonMax - 0.2);
    grid.epsilon = {roundedEpsilon(low), roundedEpsilon(low + 0.2), 3};
    return grid;
}

}  // namespace depthstyle::ui
