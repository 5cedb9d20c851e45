#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <vector>

namespace depthstyle::ui {

// Short jobs on threads of their own, each handing a result back to the
// owner's thread: `work` runs on a new thread and returns what to do on the
// owner's thread afterwards. The destructor waits for running jobs (none
// reports to an owner that is gone, none leaves a file half written);
// busy() holds until the last hand-back has run.
class WorkerThreads : public QObject {
    Q_OBJECT
public:
    using Work = std::function<std::function<void()>()>;

    explicit WorkerThreads(QObject* parent = nullptr);
    ~WorkerThreads() override;

    void run(Work work, QThread::Priority priority = QThread::InheritPriority);
    bool busy() const { return pending_ > 0; }
    // Waits, running events, until every job so far has handed back (tests).
    bool waitForIdle(int timeoutMs);

private:
    int pending_ = 0;
    std::vector<QPointer<QThread>> threads_;
};

}  // namespace depthstyle::ui
