#pragma once

#include <QLoggingCategory>

namespace depthstyle::ui {

// Per-request latency: input event -> first visual update, and -> exact
// result shown. Off by default; QT_LOGGING_RULES="depthstyle.render.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcRender)

// Milliseconds on a monotonic clock shared by the whole process.
qint64 monotonicMs();

}  // namespace depthstyle::ui
