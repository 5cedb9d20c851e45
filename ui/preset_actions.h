#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace depthstyle::ui {

class DocumentController;
class NotificationBar;

// The artist's own presets (Edit › Presets): save the current parameters
// under a name, import one from an exported depthstyle.json, apply one (one
// undo step), delete one. Stored with QSettings (doc::userPresets()).
class PresetActions : public QObject {
    Q_OBJECT
public:
    PresetActions(DocumentController& controller, NotificationBar& notification,
                  QWidget* dialogParent);

    void saveCurrent();        // asks for a name
    void importFromSidecar();  // asks for the file
    bool saveCurrentAs(const QString& name);
    bool importFrom(const QString& sidecarPath);
    bool apply(const QString& name);
    void remove(const QString& name);

private:
    DocumentController& controller_;
    NotificationBar& notification_;
    QWidget* dialogParent_;
};

}  // namespace depthstyle::ui
