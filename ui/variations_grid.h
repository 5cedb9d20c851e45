#pragma once

#include <vector>

namespace depthstyle::ui {

// One axis of the Variations grid: `count` values from `from` to `to`.
// Beta's steps are geometric when both ends are above 0 (the sigmoid's
// steepness acts by ratio: 10, 20, 40), linear otherwise; epsilon's are
// linear. Values are rounded to the parameter panel's steps (beta 0.1,
// epsilon 0.01), so an adopted value is exactly what the panel shows.
struct VariationAxis {
    double from = 0.0;
    double to = 0.0;
    int count = 3;
    bool operator==(const VariationAxis& o) const {
        return from == o.from && to == o.to && count == o.count;
    }
};

// A beta x epsilon grid: columns are beta, rows epsilon, both rising.
struct VariationGrid {
    VariationAxis beta;
    VariationAxis epsilon;

    std::vector<double> betas() const;
    std::vector<double> epsilons() const;
    int columns() const { return static_cast<int>(betas().size()); }
    int rows() const { return static_cast<int>(epsilons().size()); }
    bool operator==(const VariationGrid& o) const { return beta == o.beta && epsilon == o.epsilon; }
    bool operator!=(const VariationGrid& o) const { return !(*this == o); }
};

// The parameter panel's limits.
inline constexpr double kBetaMax = 100.0;
inline constexpr double kEpsilonMax = 1.0;
inline constexpr int kMaxAxisCount = 6;

// The default 3x3 grid around the current values:
//   beta:    beta / 2, beta, 2 beta (geometric); near the top of the range
//            the window slides down to stay within [0, 100] keeping its
//            ratio of 4 (beta 80: 25, 50, 100); beta below 1: 0, 5, 10.
//   epsilon: epsilon - 0.1, epsilon, epsilon + 0.1; near an end the window
//            slides to stay within [0, 1] (epsilon 0.05: 0, 0.1, 0.2).
VariationGrid defaultVariationGrid(double beta, double epsilon);

// An axis made valid: ends clamped to [0, maximum] and in order, count
// within [1, kMaxAxisCount].
VariationAxis clampedAxis(VariationAxis axis, double maximum);

double roundedBeta(double beta);
double roundedEpsilon(double epsilon);

}  // namespace depthstyle::ui
