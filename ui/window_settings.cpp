#include "window_settings.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

#include "compare_pane.h"

namespace depthstyle::ui {
namespace {

const char* const kSplitterKeys[4] = {"window/mainSplitter", "window/leftSplitter",
                                      "window/topPair", "window/bottomPair"};

}  // namespace

void restoreWindowSettings(const WindowLayout& layout, QString& modelDirectoryOverride) {
    QSettings s;
    layout.window->restoreGeometry(s.value("window/geometry").toByteArray());
    layout.window->restoreState(s.value("window/state").toByteArray());
    for (int i = 0; i < 4; ++i) {
        layout.splitters[i]->restoreState(s.value(kSplitterKeys[i]).toByteArray());
    }
    if (modelDirectoryOverride.isEmpty() && qEnvironmentVariableIsEmpty("DEPTHSTYLE_MODELS")) {
        modelDirectoryOverride = s.value("models/directory").toString();
    }
    layout.result->setMode(static_cast<ComparePane::Mode>(
        s.value("view/compareMode", int(ComparePane::Mode::Wipe)).toInt()));
    if (!s.contains("window/geometry")) {
        layout.window->resize(1400, 860);
        layout.splitters[0]->setSizes({560, 840});
    }
}

doc::Parameters restoredParameters() {
    const QJsonObject saved = QJsonObject::fromVariantMap(QSettings().value("parameters").toMap());
    doc::Parameters p = doc::Parameters::fromJson(saved);
    if (p.depthFromFile && !QFileInfo::exists(p.depthPath)) {
        p.depthFromFile = false;
    }
    return p;
}

void saveWindowSettings(const WindowLayout& layout, const doc::Parameters& parameters) {
    QSettings s;
    s.setValue("window/geometry", layout.window->saveGeometry());
    s.setValue("window/state", layout.window->saveState());
    for (int i = 0; i < 4; ++i) {
        s.setValue(kSplitterKeys[i], layout.splitters[i]->saveState());
    }
    s.setValue("parameters", parameters.toJson().toVariantMap());
    s.setValue("view/compareMode", int(layout.result->mode()));
}

}  // namespace depthstyle::ui
