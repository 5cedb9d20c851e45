#pragma once

#include <QObject>

#include "document_commands.h"
#include "edit_steps.h"
#include "presets.h"

class QUndoStack;

namespace depthstyle::ui {

// The document and its undo history. Every edit goes through a typed
// command; documentChanged() reports each new state (an edit, an undo or a
// redo), with the time of the input that caused it.
class DocumentController : public QObject {
    Q_OBJECT
public:
    explicit DocumentController(QObject* parent = nullptr);

    const Document& document() const { return document_; }
    QUndoStack* undoStack() const { return undo_; }

    // A new id for each image loaded.
    quint64 nextImageId() { return nextImageId_++; }

    // True when the new content dropped the depth map file of the photo it
    // replaced (a map belongs to its photo; the first photo keeps one chosen
    // before it, from a sidecar say).
    bool setImage(ImageRole role, const doc::ImageInput& image, const QString& path);
    // A style appended to the list (weight 1; the weights become explicit),
    // and one removed (the others keep their weights; near and far need two
    // styles, so with fewer the mix goes back to weights). One step each.
    void addStyle(const doc::ImageInput& image, const QString& path);
    void removeStyle(size_t index);
    // No step when nothing changed. Changes of one control merge into one
    // step as EditSteps says (a slider drag, a burst of keys).
    void changeParameters(const doc::Parameters& parameters, ParameterControl control,
                          qint64 inputTimeMs = 0);
    void loadParameters(const doc::Parameters& parameters, const QString& fileName);
    // A brush stroke's new layer; the changes of one stroke are one step.
    void paintStroke(const doc::Parameters& parameters, PaintTarget target, int stroke, bool erase,
                     qint64 inputTimeMs = 0);
    void useDepthMap(const QString& path, const QString& fileName);
    // The preset's method, beta, epsilon and alpha; no step when they are
    // already in place.
    void applyPreset(const doc::Preset& preset);
    // A saved set opened whole (images, parameters, layers): one step.
    void openWork(const Document& document, const QString& name);
    // A Variations cell's beta and epsilon, both in one step; no step when
    // they are already in place.
    void adoptVariation(double beta, double epsilon);
    // A user preset's parameters, one step named after it.
    void applyParameters(const doc::Parameters& parameters, const QString& presetName);
    // Settings restored at start: no undo step.
    void setInitialParameters(const doc::Parameters& parameters);

    // A slider pressed or released (see EditSteps).
    void holdEditStep(bool held) { editSteps_.hold(held); }
    // The next change starts a new undo step (after an undo, a redo or an
    // export: the state they leave stays reachable).
    void closeEditStep() { editSteps_.close(); }
    // For the commands: makes `document` current and reports it.
    void apply(const Document& document, qint64 inputTimeMs = 0);

Q_SIGNALS:
    void documentChanged(const depthstyle::doc::Document& document, qint64 inputTimeMs);

private:
    Document document_;
    QUndoStack* undo_;
    quint64 nextImageId_ = 1;
    EditSteps editSteps_;
};

}  // namespace depthstyle::ui
