#include "memory_release.h"

#include <QThreadPool>

#include "depthstyle/process_setup.h"
#include "render_log.h"

namespace depthstyle::ui {

void releaseFreeMemorySoon() {
    QThreadPool::globalInstance()->start([] {
        const qint64 start = monotonicMs();
        releaseFreeMemory();
        qCDebug(lcRender, "returned free memory to the system in %lld ms", monotonicMs() - start);
    });
}

}  // namespace depthstyle::ui
