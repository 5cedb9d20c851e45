#include "shared_models.h"

#include <QMutexLocker>

namespace depthstyle::ui {

void SharedModels::setFiles(const ModelFiles& files) {
    const QMutexLocker lock(&mutex_);
    files_ = files;
    models_.reset();
}

std::shared_ptr<const Models> SharedModels::get() {
    const QMutexLocker lock(&mutex_);
    if (!models_) {
        models_ = Models::load(files_);
    }
    return models_;
}

void SharedModels::forget() {
    const QMutexLocker lock(&mutex_);
    models_.reset();
}

}  // namespace depthstyle::ui
