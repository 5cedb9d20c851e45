#include "worker_threads.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>

namespace depthstyle::ui {

WorkerThreads::WorkerThreads(QObject* parent) : QObject(parent) {}

WorkerThreads::~WorkerThreads() {
    for (const QPointer<QThread>& thread : threads_) {
        if (thread) {
            thread->wait();
        }
    }
}

void WorkerThreads::run(Work work, QThread::Priority priority) {
    ++pending_;
    QThread* thread = QThread::create([this, work = std::move(work)] {
        std::function<void()> handBack = work();
        QMetaObject::invokeMethod(
            this,
            [this, handBack = std::move(handBack)] {
                --pending_;
                if (handBack) {
                    handBack();
                }
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    threads_.erase(std::remove_if(threads_.begin(), threads_.end(),
                                  [](const QPointer<QThread>& t) { return t.isNull(); }),
                   threads_.end());
    threads_.emplace_back(thread);
    thread->start(priority);
}

bool WorkerThreads::waitForIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (pending_ > 0 && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return pending_ == 0;
}

}  // namespace depthstyle::ui
