#include "render_log.h"

#include <QElapsedTimer>

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

}  // namespace depthstyle::ui
