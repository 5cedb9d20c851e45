#include "theme_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QSettings>

#include "theme.h"

namespace depthstyle::ui {

void addThemeMenu(QMenu* view) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("ThemeMenu", "&Theme"));
    auto* group = new QActionGroup(menu);
    const struct {
        QString name;
        Theme theme;
    } choices[] = {{QCoreApplication::translate("ThemeMenu", "System"), Theme::System},
                   {QCoreApplication::translate("ThemeMenu", "Light"), Theme::Light},
                   {QCoreApplication::translate("ThemeMenu", "Dark"), Theme::Dark}};
    for (const auto& choice : choices) {
        QAction* action = menu->addAction(choice.name, menu, [theme = choice.theme] {
            applyTheme(theme);
            QSettings().setValue("theme", themeKey(theme));
        });
        action->setCheckable(true);
        action->setChecked(choice.theme == currentTheme());
        action->setObjectName(QStringLiteral("theme-") + themeKey(choice.theme));
        group->addAction(action);
    }
}

}  // namespace depthstyle::ui
