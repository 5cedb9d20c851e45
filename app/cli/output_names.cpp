#include "output_names.h"

#include <QFileInfo>
#include <QStringList>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"

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

const QStringList kFields{"content", "style", "beta", "epsilon", "index"};

// Calls `field(name)` for each {name} and `text(part)` for the text between.
template <typename Field, typename Text>
void scanPattern(const QString& pattern, Field&& field, Text&& text) {
    qsizetype at = 0;
    while (at < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), at);
        if (open < 0) {
            text(pattern.mid(at));
            return;
        }
        text(pattern.mid(at, open - at));
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            throw EngineError(ErrorKind::InvalidArgument,
                              "--name: '" + pattern.toStdString() + "' has an unclosed '{'");
        }
        field(pattern.mid(open + 1, close - open - 1));
        at = close + 1;
    }
}

}  // namespace

QString sweepOutputName(const QString& output, double beta, double epsilon) {
    const QFileInfo info(output);
    const QString suffix = info.suffix().isEmpty() ? QString() : "." + info.suffix();
    const QString stem = output.left(output.size() - suffix.size());
    return stem + "_beta" + shortestName(beta) + "_eps" + shortestName(epsilon) + suffix;
}

QString defaultNamePattern(bool sweep) {
    return sweep ? QStringLiteral("{content}_{style}_beta{beta}_eps{epsilon}.png")
                 : QStringLiteral("{content}_{style}.png");
}

void validateNamePattern(const QString& pattern) {
    if (pattern.contains(QLatin1Char('/'))) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "--name: '" + pattern.toStdString() +
                              "' holds a '/'; give the folder with --output-dir");
    }
    scanPattern(
        pattern,
        [&](const QString& name) {
            if (!kFields.contains(name)) {
                throw EngineError(ErrorKind::InvalidArgument,
                                  "--name: '{" + name.toStdString() + "}' is not one of {" +
                                      kFields.join("}, {").toStdString() + "}");
            }
        },
        [](const QString&) {});
    if (QFileInfo(pattern).completeBaseName().isEmpty() ||
        !isWritableImageExtension(pattern.toStdString())) {
        throw EngineError(ErrorKind::InvalidArgument,
                          "--name: '" + pattern.toStdString() +
                              "' needs a name and a picture extension (.png, .jpg, .tif, "
                              ".webp, .bmp), such as {content}_{style}.png");
    }
}

QString outputName(const QString& pattern, const OutputNameFields& fields) {
    QString name;
    scanPattern(
        pattern,
        [&](const QString& field) {
            if (field == "content") {
                name += fields.content;
            } else if (field == "style") {
                name += fields.style;
            } else if (field == "beta") {
                name += shortestName(fields.beta);
            } else if (field == "epsilon") {
                name += shortestName(fields.epsilon);
            } else if (field == "index") {
                const int width = int(QString::number(std::max(fields.count, 1)).size());
                name += QStringLiteral("%1").arg(fields.index, width, 10, QLatin1Char('0'));
            }
        },
        [&](const QString& text) { name += text; });
    return name;
}

}  // namespace depthstyle::cli
