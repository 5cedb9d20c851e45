// Loading the paint layers a document names (OpenCV): apart from the
// parameters so that reading a sidecar on the command line needs none.
#include <memory>

#include "depthstyle/paint_layer.h"
#include "local_path.h"
#include "parameters.h"

namespace depthstyle::doc {

void loadNamedLayers(Parameters& p) {
    if (!p.depthEditPath.isEmpty() && !p.depthEdit) {
        p.depthEdit =
            std::make_shared<const PaintLayer>(loadPaintLayer(localPath(p.depthEditPath)));
    }
    if (!p.strengthOverridePath.isEmpty() && !p.strengthOverride) {
        p.strengthOverride =
            std::make_shared<const PaintLayer>(loadPaintLayer(localPath(p.strengthOverridePath)));
    }
}

}  // namespace depthstyle::doc
