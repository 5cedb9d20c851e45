#include "error_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "depthstyle/engine_error.h"

namespace depthstyle::ui {
namespace {

// The engine's and the document library's fixed reasons, for the
// translation files.
[[maybe_unused]] const char* const kReasons[] = {
    QT_TRANSLATE_NOOP("EngineError", "no such file"),
    QT_TRANSLATE_NOOP("EngineError", "is a directory, not a file"),
    QT_TRANSLATE_NOOP("EngineError", "is not a regular file (a pipe, a device or a socket)"),
    QT_TRANSLATE_NOOP("EngineError", "cannot be opened for reading"),
    QT_TRANSLATE_NOOP("EngineError", "cannot be opened"),
    QT_TRANSLATE_NOOP("EngineError", "read error"),
    QT_TRANSLATE_NOOP("EngineError", "the file is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("EngineError",
                      "not an image in a supported format (JPEG, PNG, TIFF, WebP, BMP)"),
    QT_TRANSLATE_NOOP("EngineError", "the image data is truncated or damaged"),
    QT_TRANSLATE_NOOP("EngineError", "the image data is truncated"),
    QT_TRANSLATE_NOOP("EngineError", "cannot be decoded"),
    QT_TRANSLATE_NOOP("EngineError", "the map holds NaN or infinite values"),
    QT_TRANSLATE_NOOP("EngineError", "there is no picture to write"),
    QT_TRANSLATE_NOOP("EngineError",
                      "unknown image extension; use .png, .jpg, .tif, .webp or .bmp"),
    QT_TRANSLATE_NOOP("EngineError", "write failed (disk full?)"),
    QT_TRANSLATE_NOOP("EngineError", "refusing to overwrite an input file"),
    QT_TRANSLATE_NOOP("EngineError", "cannot write: it is a directory"),
    QT_TRANSLATE_NOOP("EngineError", "cannot write"),
    QT_TRANSLATE_NOOP("EngineError", "cannot encode the image"),
    QT_TRANSLATE_NOOP("EngineError", "cannot replace the file"),
    QT_TRANSLATE_NOOP("EngineError", "cannot write into its folder"),
    QT_TRANSLATE_NOOP("EngineError",
                      "model file not found; install the models with "
                      "packaging/fetch-models.sh"),
    QT_TRANSLATE_NOOP("EngineError", "not a TorchScript model that LibTorch can load"),
    QT_TRANSLATE_NOOP("EngineError", "the folder does not exist"),
    QT_TRANSLATE_NOOP("EngineError", "cannot make a folder here"),
    QT_TRANSLATE_NOOP("EngineError", "cannot replace the file there"),
    QT_TRANSLATE_NOOP("EngineError", "cannot move the new file into place"),
    QT_TRANSLATE_NOOP("EngineError", "cannot write into the folder"),
    QT_TRANSLATE_NOOP("EngineError", "bad parameter"),
    QT_TRANSLATE_NOOP("EngineError", "not a DepthStyle sidecar"),
    QT_TRANSLATE_NOOP("EngineError", "not a DepthStyle sidecar (larger than 1 MiB)"),
};

// The translation of `text`, or empty when there is none.
QString translated(const QString& text) {
    const QByteArray source = text.toUtf8();
    const QString result = QCoreApplication::translate("EngineError", source.constData());
    return result == text ? QString() : result;
}

// Reasons with numbers: the engine's English pattern and its template.
struct NumberedReason {
    const char* pattern;
    const char* text;
};
const NumberedReason kNumberedReasons[] = {
    {R"(^the image is (\d+)x(\d+) pixels; the smaller side must be at least (\d+)$)",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image is %1x%2 pixels; the smaller side must be at least %3")},
    {R"(^at (\d+)x(\d+) the image exceeds the limit of (\d+) megapixels; choose a smaller size$)",
     QT_TRANSLATE_NOOP("EngineError",
                       "at %1x%2 the image exceeds the limit of %3 megapixels; choose a smaller "
                       "size")},
    {R"(^the image has (\d+)x(\d+) pixels, more than the limit of (\d+) megapixels$)",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image has %1x%2 pixels, more than the limit of %3 megapixels")},
    {R"(^the image declares (\d+)x(\d+) pixels, more than the limit of (\d+) megapixels$)",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image declares %1x%2 pixels, more than the limit of %3 megapixels")},
};

QString translateReason(const QString& reason) {
    if (const QString whole = translated(reason); !whole.isEmpty()) {
        return whole;
    }
    for (const NumberedReason& numbered : kNumberedReasons) {
        const QRegularExpressionMatch m =
            QRegularExpression(QString::fromLatin1(numbered.pattern)).match(reason);
        if (m.hasMatch()) {
            return QCoreApplication::translate("EngineError", numbered.text)
                .arg(m.captured(1), m.captured(2), m.captured(3));
        }
    }
    // A fixed head and a variable tail: "bad parameter: ...", "cannot be
    // decoded (...)".
    for (const QString& separator : {QStringLiteral(": "), QStringLiteral(" (")}) {
        const qsizetype at = reason.indexOf(separator);
        if (at > 0) {
            if (const QString head = translated(reason.left(at)); !head.isEmpty()) {
                return head + reason.mid(at);
            }
        }
    }
    return reason;
}

}  // namespace

QString errorText(const std::exception& error) {
    const auto* engine = dynamic_cast<const EngineError*>(&error);
    if (engine == nullptr || engine->file().empty()) {
        return QString::fromStdString(error.what());
    }
    return QCoreApplication::translate("EngineError", "'%1': %2")
        .arg(QString::fromStdString(engine->file()),
             translateReason(QString::fromStdString(engine->reason())));
}

}  // namespace depthstyle::ui
