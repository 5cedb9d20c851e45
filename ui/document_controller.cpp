#include "document_controller.h"

#include <QCoreApplication>

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

void DocumentController::addStyle(const doc::ImageInput& image, const QString& path) {
    Document after = document_;
    if (after.style.empty()) {
        setImage(ImageRole::Style, image, path);  // the first style
        return;
    }
    after.moreStyles.push_back(image);
    after.moreStylePaths << path;
    StyleMix& mix = after.parameters.styleMix;
    if (mix.kind == StyleMix::Kind::NearFar) {
        // A third style (its decode may have been asked for before near and
        // far were chosen): near and far take two, so the styles mix equally.
        mix = StyleMix{StyleMix::Kind::Weights, std::vector<double>(after.styleCount(), 1.0)};
    } else {
        if (mix.weights.empty()) {
            mix.weights.assign(document_.styleCount(), 1.0);  // the styles so far, equal
        }
        mix.weights.push_back(1.0);
    }
    const Document before = document_;
    apply(after);
    undo_->push(new StyleListCommand(
        *this, QCoreApplication::translate("DocumentCommands", "Add Style %1").arg(image.label),
        before, after));
}

void DocumentController::removeStyle(size_t index) {
    if (index >= document_.styleCount() || document_.styleCount() < 2) {
        return;  // the last style stays (open another to replace it)
    }
    Document after = document_;
    const QString label = document_.styleAt(index).label;
    if (index == 0) {
        after.style = after.moreStyles.front();
        after.stylePath = after.moreStylePaths.value(0);
        after.moreStyles.erase(after.moreStyles.begin());
        after.moreStylePaths.removeFirst();
    } else {
        after.moreStyles.erase(after.moreStyles.begin() + long(index - 1));
        after.moreStylePaths.removeAt(qsizetype(index - 1));
    }
    StyleMix& mix = after.parameters.styleMix;
    if (mix.kind == StyleMix::Kind::NearFar) {
        mix = StyleMix{};  // near and far need two styles
    } else if (!mix.weights.empty()) {
        mix.weights.erase(mix.weights.begin() + long(index));
        double sum = 0.0;
        for (double w : mix.weights) {
            sum += w;
        }
        if (!(sum > 0.0)) {
            mix.weights.assign(mix.weights.size(), 1.0);
        }
    }
    if (after.styleCount() == 1) {
        mix = StyleMix{};
    }
    const Document before = document_;
    apply(after);
    undo_->push(new StyleListCommand(
        *this, QCoreApplication::translate("DocumentCommands", "Remove Style %1").arg(label),
        before, after));
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
    const int step = editSteps_.stepFor(static_cast<int>(control), inputTimeMs);
    undo_->push(new ChangeParametersCommand(*this, control, step, before, after));
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

void DocumentController::openWork(const Document& document, const QString& name) {
    const Document before = document_;
    apply(document);
    undo_->push(new StyleListCommand(
        *this, QCoreApplication::translate("DocumentCommands", "Open Work %1").arg(name), before,
        document));
}

void DocumentController::applyParameters(const doc::Parameters& parameters,
                                         const QString& presetName) {
    if (parameters == document_.parameters) {
        return;
    }
    Document after = document_;
    after.parameters = parameters;
    const Document before = document_;
    apply(after);
    undo_->push(new ApplyPresetCommand(*this, presetName, before, after));
}

void DocumentController::adoptVariation(double beta, double epsilon) {
    Document after = document_;
    after.parameters.beta = beta;
    after.parameters.epsilon = epsilon;
    if (after.parameters == document_.parameters) {
        return;
    }
    const Document before = document_;
    apply(after);
    undo_->push(new AdoptVariationCommand(*this, before, after));
}

void DocumentController::setInitialParameters(const doc::Parameters& parameters) {
    document_.parameters = parameters;
}

}  // namespace depthstyle::ui
