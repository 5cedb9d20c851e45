#pragma once

#include <QFont>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <vector>

#include "contact_sheet.h"

namespace depthstyle::ui {

// Composes and writes a contact sheet on a thread of its own, so the window
// never encodes a picture; finished() comes back on the writer's thread
// with the path and, on failure, the message naming the file and reason.
class ContactSheetWriter : public QObject {
    Q_OBJECT
public:
    explicit ContactSheetWriter(QObject* parent = nullptr);
    ~ContactSheetWriter() override;

    void write(const QString& path, std::vector<SheetCell> cells, int columns, const QFont& font);
    bool busy() const { return pending_ > 0; }
    bool waitForIdle(int timeoutMs);  // tests

Q_SIGNALS:
    void finished(const QString& path, const QString& error);

private:
    int pending_ = 0;
    std::vector<QPointer<QThread>> threads_;
};

}  // namespace depthstyle::ui
