#pragma once

#include <QString>

namespace depthstyle::cli {

// "<dir>/<stem>_beta<B>_eps<E>.<ext>" with %g numbers, for --sweep-*.
QString sweepOutputName(const QString& output, double beta, double epsilon);

}  // namespace depthstyle::cli
