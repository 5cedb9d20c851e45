#pragma once

#include <QString>

namespace depthstyle::cli {

// "<dir>/<stem>_beta<B>_eps<E>.<ext>" with %g numbers, for --sweep-*.
QString sweepOutputName(const QString& output, double beta, double epsilon);

// The fields a batch's output name pattern (--name) may hold.
struct OutputNameFields {
    QString content;  // the content file's stem
    QString style;    // the style file's stem; several styles joined by '+'
    double beta = 0;
    double epsilon = 0;
    int index = 0;  // 1-based place of the content in the batch
    int count = 0;  // contents in the batch ({index} is zero-padded to its width)
};

// The default pattern: "{content}_{style}.png", with "_beta{beta}_eps{epsilon}"
// before the extension for a sweep.
QString defaultNamePattern(bool sweep);

// Throws EngineError(InvalidArgument) for a pattern with an unknown or
// unclosed field or a folder separator.
void validateNamePattern(const QString& pattern);

// The pattern with its fields filled in; numbers as the shortest decimal
// that reads back exactly (as the sweep names).
QString outputName(const QString& pattern, const OutputNameFields& fields);

}  // namespace depthstyle::cli
