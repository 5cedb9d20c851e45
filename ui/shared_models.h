#pragma once

#include <QMutex>
#include <memory>

#include "depthstyle/models.h"

namespace depthstyle::ui {

// The one copy of the networks that both render lanes use: loaded by
// whichever lane needs it first (never on the GUI thread), replaced when the
// model files change. Thread-safe.
class SharedModels {
public:
    void setFiles(const ModelFiles& files);
    // Loads on first use; throws EngineError like Models::load.
    std::shared_ptr<const Models> get();
    void forget();  // after a load failure: try again next time

private:
    QMutex mutex_;
    ModelFiles files_;
    std::shared_ptr<const Models> models_;
};

}  // namespace depthstyle::ui
