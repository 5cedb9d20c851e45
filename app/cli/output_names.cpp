#include "output_names.h"

#include <QFileInfo>

namespace depthstyle::cli {

QString sweepOutputName(const QString& output, double beta, double epsilon) {
    const QFileInfo info(output);
    const QString suffix = info.suffix().isEmpty() ? QString() : "." + info.suffix();
    const QString stem = output.left(output.size() - suffix.size());
    return stem + QString::asprintf("_beta%g_eps%g", beta, epsilon) + suffix;
}

}  // namespace depthstyle::cli
