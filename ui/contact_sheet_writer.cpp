#include "contact_sheet_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>

#include "error_text.h"

namespace depthstyle::ui {

ContactSheetWriter::ContactSheetWriter(QObject* parent) : QObject(parent) {}

ContactSheetWriter::~ContactSheetWriter() {
    // A sheet half written would leave its temporary file: each is waited for.
    for (const QPointer<QThread>& thread : threads_) {
        if (thread) {
            thread->wait();
        }
    }
}

void ContactSheetWriter::write(const QString& path, std::vector<SheetCell> cells, int columns,
                               const QFont& font) {
    ++pending_;
    QThread* thread = QThread::create([this, path, cells = std::move(cells), columns, font] {
        QString error;
        try {
            writeContactSheet(path, composeContactSheet(cells, columns, font));
        } catch (const std::exception& e) {
            error = errorText(e);
        }
        QMetaObject::invokeMethod(
            this,
            [this, path, error] {
                --pending_;
                Q_EMIT finished(path, error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    threads_.erase(std::remove_if(threads_.begin(), threads_.end(),
                                  [](const QPointer<QThread>& t) { return t.isNull(); }),
                   threads_.end());
    threads_.emplace_back(thread);
    thread->start(QThread::LowPriority);
}

bool ContactSheetWriter::waitForIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (pending_ > 0 && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return pending_ == 0;
}

}  // namespace depthstyle::ui
