#include "layer_loader.h"

#include "depthstyle/engine_error.h"
#include "error_text.h"

namespace depthstyle::ui {

LayerLoader::LayerLoader(QObject* parent) : QObject(parent) {}

void LayerLoader::load(const doc::Parameters& parameters, Done done) {
    threads_.run([parameters, done]() -> std::function<void()> {
        doc::Parameters loaded = parameters;
        QString error;
        try {
            doc::loadNamedLayers(loaded);
        } catch (const std::exception& e) {
            error = errorText(e);
        }
        return [loaded, error, done] { done(loaded, error); };
    });
}

}  // namespace depthstyle::ui
