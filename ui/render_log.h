#pragma once

#include <QLoggingCategory>

namespace depthstyle::ui {

// Per-request latency: input event -> first visual update, and -> exact
// result shown. Off by default; QT_LOGGING_RULES="depthstyle.render.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcRender)

// Milliseconds on a monotonic clock shared by the whole process.
qint64 monotonicMs();

// With the render log on, logs every stall of the calling thread's event
// loop longer than `thresholdMs` ("event loop stalled N ms"): a timer that
// should fire every 10 ms and notes how late it comes. Does nothing when
// the log is off.
void watchEventLoopStalls(QObject* owner, int thresholdMs = 50);

}  // namespace depthstyle::ui
