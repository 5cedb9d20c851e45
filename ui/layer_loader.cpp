#include "layer_loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>

#include "depthstyle/engine_error.h"
#include "error_text.h"

namespace depthstyle::ui {

LayerLoader::LayerLoader(QObject* parent) : QObject(parent) {}

LayerLoader::~LayerLoader() {
    // Short reads: waited for, so that none reports to a loader that is gone.
    for (const QPointer<QThread>& thread : threads_) {
        if (thread) {
            thread->wait();
        }
    }
}

void LayerLoader::load(const doc::Parameters& parameters, Done done) {
    ++pending_;
    QThread* thread = QThread::create([this, parameters, done] {
        doc::Parameters loaded = parameters;
        QString error;
        try {
            doc::loadNamedLayers(loaded);
        } catch (const std::exception& e) {
            error = errorText(e);
        }
        QMetaObject::invokeMethod(
            this,
            [this, loaded, error, done] {
                --pending_;
                done(loaded, error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    threads_.erase(std::remove_if(threads_.begin(), threads_.end(),
                                  [](const QPointer<QThread>& t) { return t.isNull(); }),
                   threads_.end());
    threads_.emplace_back(thread);
    thread->start();
}

bool LayerLoader::waitForIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (pending_ > 0 && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return pending_ == 0;
}

}  // namespace depthstyle::ui
