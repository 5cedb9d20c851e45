#pragma once

#include <QFont>
#include <QObject>
#include <vector>

#include "contact_sheet.h"
#include "worker_threads.h"

namespace depthstyle::ui {

// Composes and writes a contact sheet on a thread of its own, so the window
// never encodes a picture; finished() comes back on the writer's thread
// with the path and, on failure, the message naming the file and reason.
class ContactSheetWriter : public QObject {
    Q_OBJECT
public:
    explicit ContactSheetWriter(QObject* parent = nullptr);

    void write(const QString& path, std::vector<SheetCell> cells, int columns, const QFont& font);
    bool busy() const { return threads_.busy(); }
    bool waitForIdle(int timeoutMs) { return threads_.waitForIdle(timeoutMs); }  // tests

Q_SIGNALS:
    void finished(const QString& path, const QString& error);

private:
    WorkerThreads threads_;
};

}  // namespace depthstyle::ui
