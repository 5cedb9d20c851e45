#pragma once

#include <QThread>

namespace depthstyle::ui {

// Thread-affinity checks where work crosses between the GUI thread and the
// render lanes. On in every build: a wrong thread is a bug that would
// otherwise show as a rare crash.
inline void requireThread(const QThread* expected, const char* where) {
    if (QThread::currentThread() != expected) {
        qFatal("%s called on the wrong thread", where);
    }
}
inline void requireNotThread(const QThread* forbidden, const char* where) {
    if (QThread::currentThread() == forbidden) {
        qFatal("%s must not run on this thread", where);
    }
}

}  // namespace depthstyle::ui
