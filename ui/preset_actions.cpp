#include "preset_actions.h"

#include <QFileDialog>
#include <QInputDialog>

#include "depthstyle/engine_error.h"
#include "document_controller.h"
#include "error_text.h"
#include "notification_bar.h"
#include "recent_places.h"
#include "user_presets.h"

namespace depthstyle::ui {

PresetActions::PresetActions(DocumentController& controller, NotificationBar& notification,
                             QWidget* dialogParent)
    : QObject(dialogParent),
      controller_(controller),
      notification_(notification),
      dialogParent_(dialogParent) {}

void PresetActions::saveCurrent() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(dialogParent_, tr("Save Preset"), tr("Name of the preset:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (ok && !name.isEmpty()) {
        saveCurrentAs(name);
    }
}

bool PresetActions::saveCurrentAs(const QString& name) {
    if (name.trimmed().isEmpty()) {
        return false;
    }
    doc::saveUserPreset({name.trimmed(), doc::presetJson(controller_.document().parameters)});
    notification_.showInfo(tr("Saved the preset \"%1\".").arg(name.trimmed()));
    return true;
}

void PresetActions::importFromSidecar() {
    const QString path =
        QFileDialog::getOpenFileName(dialogParent_, tr("Import Preset"), lastFolder("export"),
                                     tr("DepthStyle sidecar (*.json)"));
    if (!path.isEmpty()) {
        importFrom(path);
    }
}

bool PresetActions::importFrom(const QString& sidecarPath) {
    try {
        const doc::UserPreset preset = doc::presetFromSidecar(sidecarPath);
        doc::saveUserPreset(preset);
        notification_.showInfo(tr("Imported the preset \"%1\".").arg(preset.name));
        return true;
    } catch (const EngineError& e) {
        notification_.showError(errorText(e));
        return false;
    }
}

bool PresetActions::apply(const QString& name) {
    const std::optional<doc::UserPreset> preset = doc::userPresetByName(name);
    if (!preset) {
        return false;
    }
    try {
        controller_.applyParameters(
            doc::applyPresetJson(preset->parameters, controller_.document().parameters), name);
        return true;
    } catch (const EngineError& e) {
        notification_.showError(errorText(e));
        return false;
    }
}

void PresetActions::remove(const QString& name) {
    doc::removeUserPreset(name);
    notification_.showInfo(tr("Deleted the preset \"%1\".").arg(name));
}

}  // namespace depthstyle::ui
