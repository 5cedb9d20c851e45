#include "contact_sheet_writer.h"

#include "error_text.h"

namespace depthstyle::ui {

ContactSheetWriter::ContactSheetWriter(QObject* parent) : QObject(parent) {}

void ContactSheetWriter::write(const QString& path, std::vector<SheetCell> cells, int columns,
                               const QFont& font) {
    // Waited for on destruction: a sheet half written would leave its
    // temporary file.
    threads_.run(
        [this, path, cells = std::move(cells), columns, font]() -> std::function<void()> {
            QString error;
            try {
                writeContactSheet(path, composeContactSheet(cells, columns, font));
            } catch (const std::exception& e) {
                error = errorText(e);
            }
            return [this, path, error] { Q_EMIT finished(path, error); };
        },
        QThread::LowPriority);
}

}  // namespace depthstyle::ui
