#pragma once

#include <QString>

#include "render_request.h"
#include "ui_parameters.h"

namespace depthstyle::ui {

// What undo and redo restore: the two images and every parameter.
struct DocumentState {
    ImageInput content;
    QString contentPath;  // empty for a pasted image
    ImageInput style;
    QString stylePath;
    UiParameters parameters;
};

}  // namespace depthstyle::ui
