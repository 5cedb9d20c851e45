#include "output_names.h"

#include <QFileInfo>

namespace depthstyle::cli {

namespace {

// The shortest decimal that reads back as exactly `value`: distinct values
// get distinct names (0.1 and 0.1000001), equal ones the same (5 and 5.0).
QString shortestName(double value) {
    for (int digits = 6; digits <= 17; ++digits) {
        const QString text = QString::number(value, 'g', digits);
        if (text.toDouble() == value) {
            return text;
        }
    }
    return QString::number(value, 'g', 17);
}

}  // namespace

QString sweepOutputName(const QString& output, double beta, double epsilon) {
    const QFileInfo info(output);
    const QString suffix = info.suffix().isEmpty() ? QString() : "." + info.suffix();
    const QString stem = output.left(output.size() - suffix.size());
    return stem + "_beta" + shortestName(beta) + "_eps" + shortestName(epsilon) + suffix;
}

}  // namespace depthstyle::cli
