#include "render_log.h"

#include <QElapsedTimer>
#include <QTimer>
#include <memory>

namespace depthstyle::ui {

Q_LOGGING_CATEGORY(lcRender, "depthstyle.render", QtInfoMsg)

qint64 monotonicMs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

void watchEventLoopStalls(QObject* owner, int thresholdMs) {
    if (!lcRender().isDebugEnabled()) {
        return;
    }
    auto* timer = new QTimer(owner);
    timer->setTimerType(Qt::PreciseTimer);
    auto last = std::make_shared<qint64>(monotonicMs());
    QObject::connect(timer, &QTimer::timeout, owner, [last, thresholdMs] {
        const qint64 now = monotonicMs();
        const qint64 gap = now - *last;
        if (gap > thresholdMs) {
            qCDebug(lcRender, "event loop stalled %lld ms", gap);
        }
        *last = now;
    });
    timer->start(10);
}

}  // namespace depthstyle::ui
