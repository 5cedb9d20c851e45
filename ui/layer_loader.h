#pragma once

#include <QObject>
#include <QString>
#include <functional>

#include "parameters.h"
#include "worker_threads.h"

namespace depthstyle::ui {

// Reads the painted layers a sidecar names (doc::loadNamedLayers) on a
// thread of their own, so the window never decodes a picture-sized PNG.
// `done` runs on the loader's thread with the parameters, their layers
// loaded, or with the message that names the file and the reason.
class LayerLoader : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const doc::Parameters& loaded, const QString& error)>;

    explicit LayerLoader(QObject* parent = nullptr);

    void load(const doc::Parameters& parameters, Done done);
    bool busy() const { return threads_.busy(); }
    // Waits until every load asked for so far has called back (tests).
    bool waitForIdle(int timeoutMs) { return threads_.waitForIdle(timeoutMs); }

private:
    WorkerThreads threads_;  // short reads, waited for on destruction
};

}  // namespace depthstyle::ui
