#include "document_controller.h"

#include <QUndoStack>

#include "render_log.h"
#include "thread_checks.h"

namespace depthstyle::ui {

DocumentController::DocumentController(QObject* parent)
    : QObject(parent), undo_(new QUndoStack(this)) {}

void DocumentController::apply(const Document& document, qint64 inputTimeMs) {
    requireThread(thread(), "DocumentController::apply");
    document_ = document;
    Q_EMIT documentChanged(document_, inputTimeMs > 0 ? inputTimeMs : monotonicMs());
}

bool DocumentController::setImage(ImageRole role, const doc::ImageInput& image,
                                  const QString& path) {
    Document after = document_;
    bool dropsDepthMap = false;
    if (role == ImageRole::Content) {
        after.content = image;
        after.contentPath = path;
        // A depth map file belongs to the photo it was made for: a photo
        // replacing another goes back to MiDaS (undone with the image). The
        // first photo keeps a map chosen before it (from a sidecar, say).
        // So do the focus point and the painted layers.
        if (!document_.content.empty()) {
            doc::Parameters& p = after.parameters;
            dropsDepthMap = p.depthFromFile;
            p.depthFromFile = false;
            p.depthPath.clear();
            p.focus.reset();
            p.depthEdit.reset();
            p.depthEditPath.clear();
            p.strengthOverride.reset();
            p.strengthOverridePath.clear();
        }
    } else {
        after.style = image;
        after.stylePath = path;
    }
    const Document before = document_;
    apply(after);
    undo_->push(new SetImageCommand(*this, role, before, after));
    return dropsDepthMap;
}

void DocumentController::changeParameters(const doc::Parameters& parameters,
                                          ParameterControl control, qint64 inputTimeMs) {
    if (parameters == document_.parameters) {
        return;
    }
    Document after = document_;
    after.parameters = parameters;
    const Document before = document_;
    apply(after, inputTimeMs);
    undo_->push(new ChangeParametersCommand(*this, control, before, after));
}

void DocumentController::paintStroke(const doc::Parameters& parameters, PaintTarget target,
                                     int stroke, bool erase, qint64 inputTimeMs) {
    Document after = document_;
    after.parameters = parameters;
    const Document before = document_;
    apply(after, inputTimeMs);
    undo_->push(new PaintStrokeCommand(*this, target, stroke, erase, before, after));
}

void DocumentController::loadParameters(const doc::Parameters& parameters,
                                        const QString& fileName) {
    Document after = document_;
    after.parameters = parameters;
    const Document before = document_;
    apply(after);
    undo_->push(new LoadParametersCommand(*this, fileName, before, after));
}

void DocumentController::useDepthMap(const QString& path, const QString& fileName) {
    Document after = document_;
    after.parameters.depthFromFile = true;
    after.parameters.depthPath = path;
    const Document before = document_;
    apply(after);
    undo_->push(new UseDepthMapCommand(*this, fileName, before, after));
}

void DocumentController::applyPreset(const doc::Preset& preset) {
    Document after = document_;
    after.parameters = preset.apply(document_.parameters);
    if (after.parameters == document_.parameters) {
        return;
    }
    const Document before = document_;
    apply(after);
    undo_->push(new ApplyPresetCommand(*this, presetDisplayName(preset), before, after));
}

void DocumentController::setInitialParameters(const doc::Parameters& parameters) {
    document_.parameters = parameters;
}

}  // namespace depthstyle::ui
