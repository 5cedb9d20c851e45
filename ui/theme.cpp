#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <cmath>

namespace depthstyle::ui {
namespace {

struct Desktop {
    QString styleName;
    QPalette palette;
};

// The style and palette the application started with.
const Desktop& desktop() {
    static const Desktop saved{QApplication::style()->name(), QApplication::palette()};
    return saved;
}

Theme& current() {
    static Theme theme = Theme::System;
    return theme;
}

// Fusion's own selection blue gives white text only 3.7:1; this one 5.9:1.
QColor selectionBlue() {
    return QColor(38, 100, 168);
}

QPalette lightPalette(const QStyle& fusion) {
    QPalette p = fusion.standardPalette();
    p.setColor(QPalette::Active, QPalette::Highlight, selectionBlue());
    p.setColor(QPalette::Inactive, QPalette::Highlight, selectionBlue());
    return p;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(230, 230, 230);
    const QColor disabledText(135, 135, 140);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(52, 52, 56));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(170, 170, 175));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 59));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 110, 110));
    p.setColor(QPalette::Light, QColor(80, 80, 85));
    p.setColor(QPalette::Midlight, QColor(65, 65, 70));
    p.setColor(QPalette::Mid, QColor(40, 40, 43));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, selectionBlue());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(180, 140, 255));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 85));
    return p;
}

double relativeLuminance(const QColor& c) {
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

QString themeKey(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::System:
            break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> parseThemeKey(const QString& key) {
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (key == themeKey(theme)) {
            return theme;
        }
    }
    return std::nullopt;
}

Theme themeFromKey(const QString& key) {
    return parseThemeKey(key).value_or(Theme::System);
}

void applyTheme(Theme theme) {
    const Desktop& saved = desktop();
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(saved.styleName));
        QApplication::setPalette(saved.palette);
    } else {
        QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QApplication::setStyle(fusion);
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette(*fusion));
    }
    current() = theme;
}

Theme currentTheme() {
    return current();
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor over(const QColor& colour, const QColor& background) {
    const double a = colour.alphaF();
    return QColor::fromRgbF(static_cast<float>(colour.redF() * a + background.redF() * (1 - a)),
                            static_cast<float>(colour.greenF() * a + background.greenF() * (1 - a)),
                            static_cast<float>(colour.blueF() * a + background.blueF() * (1 - a)));
}

QColor hintColour(const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor placeholder = over(palette.color(QPalette::PlaceholderText), base);
    if (contrastRatio(placeholder, base) >= 4.5) {
        return placeholder;
    }
    const QColor text = palette.color(QPalette::Text);
    for (int alpha = 200; alpha < 255; alpha += 5) {
        QColor softened = text;
        softened.setAlpha(alpha);
        const QColor shown = over(softened, base);
        if (contrastRatio(shown, base) >= 4.5) {
            return shown;
        }
    }
    return over(text, base);
}

}  // namespace depthstyle::ui
