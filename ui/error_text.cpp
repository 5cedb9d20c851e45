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
    QT_TRANSLATE_NOOP("EngineError", "the model file is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("EngineError",
                      "is in PyTorch's legacy (non-zip) format, as published; convert it with "
                      "packaging/fetch-models.sh --from <folder holding the downloaded files>"),
    QT_TRANSLATE_NOOP("EngineError",
                      "not a PyTorch state dict (expected the zip format written by torch.save)"),
    QT_TRANSLATE_NOOP("EngineError",
                      "does not hold a plain dict of tensors that LibTorch can read; convert it "
                      "with packaging/fetch-models.sh --from <folder holding the file>"),
    QT_TRANSLATE_NOOP("EngineError", "cannot be read as a PyTorch state dict"),
    QT_TRANSLATE_NOOP("EngineError", "does not hold a state dict (a mapping of names to tensors)"),
    QT_TRANSLATE_NOOP("EngineError",
                      "MiDaS model file not found; install the models with "
                      "packaging/fetch-models.sh, or give a depth map file instead"),
    QT_TRANSLATE_NOOP("EngineError", "the depth model's output holds NaN or infinite values"),
    QT_TRANSLATE_NOOP("EngineError", "the depth model failed on a 1x3x256x256 input"),
    QT_TRANSLATE_NOOP("EngineError",
                      "out of memory while decoding the image; choose a smaller content size, "
                      "or close other programs"),
    QT_TRANSLATE_NOOP("EngineError",
                      "out of memory while scaling the image; choose a smaller content size, "
                      "or close other programs"),
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
    {R"re(^the image is (\d+)x(\d+) pixels; the smaller side must be at least (\d+)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image is %1x%2 pixels; the smaller side must be at least %3")},
    {R"re(^at (\d+)x(\d+) the image exceeds the limit of (\d+) megapixels; choose a smaller size$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "at %1x%2 the image exceeds the limit of %3 megapixels; choose a smaller "
                       "size")},
    {R"re(^the image has (\d+)x(\d+) pixels, more than the limit of (\d+) megapixels$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image has %1x%2 pixels, more than the limit of %3 megapixels")},
    {R"re(^the image declares (\d+)x(\d+) pixels, more than the limit of (\d+) megapixels$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "the image declares %1x%2 pixels, more than the limit of %3 megapixels")},
    {R"re(^tensor '([^']+)' is missing \(expected shape ([0-9x]+)\)$)re",
     QT_TRANSLATE_NOOP("EngineError", "tensor '%1' is missing (expected shape %2)")},
    {R"re(^tensor '([^']+)' has shape ([0-9x]+), expected ([0-9x]+)$)re",
     QT_TRANSLATE_NOOP("EngineError", "tensor '%1' has shape %2, expected %3")},
    {R"re(^tensor '([^']+)' is not a floating-point tensor$)re",
     QT_TRANSLATE_NOOP("EngineError", "tensor '%1' is not a floating-point tensor")},
    {R"re(^tensor '([^']+)' holds NaN or infinite values$)re",
     QT_TRANSLATE_NOOP("EngineError", "tensor '%1' holds NaN or infinite values")},
    {R"re(^entry '([^']+)' is not a tensor \(expected shape ([0-9x]+)\)$)re",
     QT_TRANSLATE_NOOP("EngineError", "entry '%1' is not a tensor (expected shape %2)")},
    {R"re(^the file name is too long \(at most (\d+) bytes here, to leave room for the temporary name\)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "the file name is too long (at most %1 bytes here, to leave room for the "
                       "temporary name)")},
    {R"re(^WebP holds at most (\d+) pixels a side; this picture is (\d+x\d+) \(use \.png or \.tif\)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "WebP holds at most %1 pixels a side; this picture is %2 (use .png or "
                       ".tif)")},
    {R"re(^at (\d+)x(\d+) the render needs about ([0-9.]+ [GM]B) of memory, and ([0-9.]+ [GM]B) is available; choose a content size of at most (\d+) pixels on the smaller side$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "at %1x%2 the render needs about %3 of memory, and %4 is available; "
                       "choose a content size of at most %5 pixels on the smaller side")},
    {R"re(^at (\d+)x(\d+) the render needs about ([0-9.]+ [GM]B) of memory, and ([0-9.]+ [GM]B) is available; close other programs or use a machine with more memory$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "at %1x%2 the render needs about %3 of memory, and %4 is available; "
                       "close other programs or use a machine with more memory")},
    {R"re(^out of memory while rendering at (\d+)x(\d+); choose a smaller content size, or close other programs$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "out of memory while rendering at %1x%2; choose a smaller content size, "
                       "or close other programs")},
    {R"re(^a float depth map must have one channel; this one has (\d+) channels that differ \(save the depth as a one-channel TIFF\)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "a float depth map must have one channel; this one has %1 channels that "
                       "differ (save the depth as a one-channel TIFF)")},
    {R"re(^not listed in the model set's manifest '(.+)'; reinstall the set with packaging/fetch-models\.sh --force \(or --from FOLDER\)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "not listed in the model set's manifest '%1'; reinstall the set with "
                       "packaging/fetch-models.sh --force (or --from FOLDER)")},
    {R"re(^does not match the model set's manifest '(.+)' \(a set mixed from two installations, or a file changed after installing\); reinstall the set with packaging/fetch-models\.sh --force \(or --from FOLDER\)$)re",
     QT_TRANSLATE_NOOP("EngineError",
                       "does not match the model set's manifest '%1' (a set mixed from two "
                       "installations, or a file changed after installing); reinstall the set "
                       "with packaging/fetch-models.sh --force (or --from FOLDER)")},
    {R"re(^bad parameter: "([^"]+)" must be a number in \[(-?\d+), (-?\d+)\]$)re",
     QT_TRANSLATE_NOOP("EngineError", "bad parameter: \"%1\" must be a number in [%2, %3]")},
    {R"re(^bad parameter: "([^"]+)" must be a whole number of pixels$)re",
     QT_TRANSLATE_NOOP("EngineError", "bad parameter: \"%1\" must be a whole number of pixels")},
    {R"re(^bad parameter: "([^"]+)" must be true or false$)re",
     QT_TRANSLATE_NOOP("EngineError", "bad parameter: \"%1\" must be true or false")},
    {R"re(^bad parameter: "([^"]+)" must be one of (.+)$)re",
     QT_TRANSLATE_NOOP("EngineError", "bad parameter: \"%1\" must be one of %2")},
};

QString translateReason(const QString& reason) {
    if (const QString whole = translated(reason); !whole.isEmpty()) {
        return whole;
    }
    for (const NumberedReason& numbered : kNumberedReasons) {
        const QRegularExpressionMatch m =
            QRegularExpression(QString::fromLatin1(numbered.pattern)).match(reason);
        if (m.hasMatch()) {
            QString text = QCoreApplication::translate("EngineError", numbered.text);
            for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
                text = text.arg(m.captured(i));
            }
            return text;
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
