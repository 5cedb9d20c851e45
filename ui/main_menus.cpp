#include "main_menus.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QUndoStack>

#include "compare_pane.h"
#include "compute_threads.h"
#include "notification_bar.h"
#include "presets.h"
#include "recent_places.h"
#include "theme_menu.h"
#include "user_presets.h"

namespace depthstyle::ui {
namespace {

void fillRecentMenu(QMenu* menu, const QString& key, bool content, const MenuActions& actions) {
    menu->clear();
    const QStringList recent = recentFiles(key);
    for (const QString& path : recent) {
        menu->addAction(QFileInfo(path).fileName(), menu,
                        [open = actions.openRecent, path, content] { open(path, content); })
            ->setToolTip(path);
    }
    if (recent.isEmpty()) {
        menu->addAction(QMainWindow::tr("(none)"))->setEnabled(false);
    }
}

void buildFileMenu(QMainWindow* w, const MenuActions& a) {
    QMenu* file = w->menuBar()->addMenu(QMainWindow::tr("&File"));
    file->addAction(QMainWindow::tr("Open &Content…"), QKeySequence::Open, w, a.openContent);
    file->addAction(QMainWindow::tr("Open &Style…"), QKeySequence(QMainWindow::tr("Ctrl+Shift+O")),
                    w, a.openStyle);
    file->addAction(QMainWindow::tr("Open &Depth Map…"), w, a.openDepthMap);
    QMenu* recentContent = file->addMenu(QMainWindow::tr("Recent Content"));
    QMenu* recentStyle = file->addMenu(QMainWindow::tr("Recent Styles"));
    QObject::connect(recentContent, &QMenu::aboutToShow, w, [recentContent, a] {
        fillRecentMenu(recentContent, "recent/content", true, a);
    });
    QObject::connect(recentStyle, &QMenu::aboutToShow, w,
                     [recentStyle, a] { fillRecentMenu(recentStyle, "recent/style", false, a); });
    file->addSeparator();
    // A saved work is an Export All set: Save writes one, Open restores it.
    file->addAction(QMainWindow::tr("Open &Work…"), QKeySequence(QMainWindow::tr("Ctrl+Shift+W")),
                    w, a.openWork)
        ->setObjectName("open-work");
    file->addAction(QMainWindow::tr("&Save Work…"), QKeySequence::Save, w, a.exportAll)
        ->setObjectName("save-work");
    file->addSeparator();
    file->addAction(QMainWindow::tr("&Export Result…"), QKeySequence(QMainWindow::tr("Ctrl+E")), w,
                    a.exportResult);
    file->addAction(QMainWindow::tr("Export &All…"), QKeySequence(QMainWindow::tr("Ctrl+Shift+E")),
                    w, a.exportAll);
    file->addAction(QMainWindow::tr("&Load Parameters…"), QKeySequence(QMainWindow::tr("Ctrl+L")),
                    w, a.loadParameters);
    file->addSeparator();
    file->addAction(QMainWindow::tr("&Quit"), QKeySequence::Quit, w, &QWidget::close);
}

void buildEditMenu(QMainWindow* w, const MenuActions& a, QUndoStack* undoStack) {
    QMenu* edit = w->menuBar()->addMenu(QMainWindow::tr("&Edit"));
    QAction* undo = undoStack->createUndoAction(w, QMainWindow::tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undoStack->createRedoAction(w, QMainWindow::tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QMenu* presets = edit->addMenu(QMainWindow::tr("&Presets"));
    for (const doc::Preset& preset : doc::builtInPresets()) {
        presets
            ->addAction(doc::presetDisplayName(preset), w,
                        [apply = a.applyPreset, key = preset.key] { apply(key); })
            ->setObjectName("preset-" + preset.key);
    }
    // The artist's presets after the shipped ones, read each time the menu
    // opens (another window or the CLI's user may have saved one).
    presets->addSeparator();
    QMenu* remove = new QMenu(QMainWindow::tr("&Delete Preset"), presets);
    QAction* userStart = presets->addSeparator();
    presets->addAction(QMainWindow::tr("&Save Current as Preset…"), w, a.savePreset)
        ->setObjectName("preset-save");
    presets->addAction(QMainWindow::tr("&Import Preset from depthstyle.json…"), w, a.importPreset)
        ->setObjectName("preset-import");
    presets->addMenu(remove);
    QObject::connect(presets, &QMenu::aboutToShow, w, [=] {
        for (QAction* action : presets->actions()) {
            if (action->property("userPreset").isValid()) {
                presets->removeAction(action);
                action->deleteLater();
            }
        }
        remove->clear();
        const std::vector<doc::UserPreset> mine = doc::userPresets();
        for (const doc::UserPreset& preset : mine) {
            QAction* action = new QAction(preset.name, presets);
            action->setProperty("userPreset", preset.name);
            QObject::connect(action, &QAction::triggered, w,
                             [apply = a.applyUserPreset, name = preset.name] { apply(name); });
            presets->insertAction(userStart, action);
            remove->addAction(preset.name, w,
                              [del = a.deleteUserPreset, name = preset.name] { del(name); });
        }
        remove->setEnabled(!mine.empty());
    });
    edit->addSeparator();
    edit->addAction(QMainWindow::tr("&Copy Result"), QKeySequence::Copy, w, a.copyResult);
    edit->addAction(QMainWindow::tr("&Paste as Content"), QKeySequence::Paste, w, a.pasteContent);
    edit->addAction(QMainWindow::tr("Paste as St&yle"),
                    QKeySequence(QMainWindow::tr("Ctrl+Shift+V")), w, a.pasteStyle);
}

void buildLanguageMenu(QMenu* view, QMainWindow* w, NotificationBar* notification) {
    QMenu* language = view->addMenu(QMainWindow::tr("&Language"));
    auto* languages = new QActionGroup(w);
    const QString current = QSettings().value("language").toString();
    const struct {
        QString name;
        QString code;
    } choices[] = {{QMainWindow::tr("System Default"), QString()},
                   {QStringLiteral("English"), QStringLiteral("en")},
                   {QStringLiteral("Русский"), QStringLiteral("ru")}};
    for (const auto& choice : choices) {
        QAction* action = language->addAction(choice.name, w, [notification, code = choice.code] {
            QSettings().setValue("language", code);
            notification->showInfo(
                QMainWindow::tr("The language changes when DepthStyle starts again."));
        });
        action->setCheckable(true);
        action->setChecked(choice.code == current);
        languages->addAction(action);
    }
}

void buildViewMenu(QMainWindow* w, const MenuActions& a, ComparePane* result,
                   NotificationBar* notification) {
    QMenu* view = w->menuBar()->addMenu(QMainWindow::tr("&View"));
    auto* group = new QActionGroup(w);
    const struct {
        QString text;
        ComparePane::Mode mode;
        QString shortcut;
    } modes[] = {
        {QMainWindow::tr("Result Only"), ComparePane::Mode::Off, QMainWindow::tr("Ctrl+1")},
        {QMainWindow::tr("Wipe"), ComparePane::Mode::Wipe, QMainWindow::tr("Ctrl+2")},
        {QMainWindow::tr("Side by Side"), ComparePane::Mode::SideBySide,
         QMainWindow::tr("Ctrl+3")}};
    for (const auto& m : modes) {
        QAction* action =
            view->addAction(m.text, w, [result, mode = m.mode] { result->setMode(mode); });
        action->setShortcut(QKeySequence(m.shortcut));
        action->setCheckable(true);
        action->setChecked(m.mode == result->mode());
        group->addAction(action);
    }
    QMenu* against = view->addMenu(QMainWindow::tr("&Compare With"));
    auto* sources = new QActionGroup(against);
    const struct {
        QString text;
        QString name;
        QString shortcut;
    } choices[] = {
        {QMainWindow::tr("&Plain AdaIN"), "compare-plain", QMainWindow::tr("Ctrl+4")},
        {QMainWindow::tr("The P&hoto"), "compare-photo", QMainWindow::tr("Ctrl+5")},
        {QMainWindow::tr("The &Last Export"), "compare-export", QMainWindow::tr("Ctrl+6")}};
    for (int i = 0; i < 3; ++i) {
        QAction* action =
            against->addAction(choices[i].text, w, [set = a.compareWith, i] { set(i); });
        action->setObjectName(choices[i].name);
        action->setShortcut(QKeySequence(choices[i].shortcut));
        action->setCheckable(true);
        action->setChecked(i == 0);
        sources->addAction(action);
    }
    view->addSeparator();
    view->addAction(QMainWindow::tr("&Fit All Panes"), QKeySequence(QMainWindow::tr("Ctrl+0")), w,
                    a.fitAll);
    view->addAction(QMainWindow::tr("Result at &100%"), QKeySequence(QMainWindow::tr("Ctrl+9")),
                    result, &ImagePane::showActualSize);
    QAction* zoomIn = view->addAction(QMainWindow::tr("Zoom &In"), w, [a] { a.zoom(1.25); });
    zoomIn->setShortcuts({QKeySequence(QMainWindow::tr("Ctrl+=")), QKeySequence::ZoomIn});
    QAction* zoomOut = view->addAction(QMainWindow::tr("Zoom &Out"), w, [a] { a.zoom(0.8); });
    zoomOut->setShortcuts({QKeySequence(QMainWindow::tr("Ctrl+-")), QKeySequence::ZoomOut});
    QAction* link = view->addAction(QMainWindow::tr("&Link Zoom Across Panes"));
    link->setObjectName("link-zoom");
    link->setCheckable(true);
    link->setChecked(a.zoomLinked);
    link->setToolTip(QMainWindow::tr(
        "Zooming or panning one picture shows the same spot in the content, depth, strength "
        "and result panes"));
    QObject::connect(link, &QAction::toggled, w, a.linkZoom);
    view->addAction(QMainWindow::tr("&Enlarge Result…"), QKeySequence(QMainWindow::tr("F11")), w,
                    a.enlargeResult);
    view->addAction(QMainWindow::tr("&Variations…"), QKeySequence(QMainWindow::tr("Ctrl+Shift+G")),
                    w, a.showVariations)
        ->setObjectName("show-variations");
    view->addSeparator();
    addComputeThreadsMenu(view, notification);
    buildLanguageMenu(view, w, notification);
    addThemeMenu(view);
}

}  // namespace

void buildMainMenus(QMainWindow* window, const MenuActions& actions, QUndoStack* undo,
                    ComparePane* result, NotificationBar* notification) {
    buildFileMenu(window, actions);
    buildEditMenu(window, actions, undo);
    buildViewMenu(window, actions, result, notification);
}

}  // namespace depthstyle::ui
