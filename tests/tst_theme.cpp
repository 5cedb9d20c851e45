// Readability under the light and the dark palette: window text, pane hints,
// and the strength chart (which follows palette changes while it is open),
// measured as WCAG contrast ratios.
#include <QApplication>
#include <QStyle>
#include <QtTest>

#include "strength_chart.h"
#include "theme.h"

using namespace depthstyle::ui;

Q_DECLARE_METATYPE(depthstyle::ui::Theme)

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysRoundTrip();
    void contrastKnownValues();
    void readable_data();
    void readable();
    void chartFollowsPaletteChange();
    void systemRestoresStartingPalette();
};

void TestTheme::keysRoundTrip() {
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        QCOMPARE(themeFromKey(themeKey(theme)), theme);
    }
    QCOMPARE(themeFromKey("purple"), Theme::System);
    QVERIFY(!parseThemeKey("purple").has_value());
    QCOMPARE(parseThemeKey("dark"), std::optional<Theme>(Theme::Dark));
}

void TestTheme::contrastKnownValues() {
    QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(contrastRatio(QColor(90, 90, 90), QColor(90, 90, 90)), 1.0);
    // #767676 on white is the classic just-passing grey: 4.54.
    QVERIFY(std::abs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    QCOMPARE(over(QColor(0, 0, 0, 0), Qt::white), QColor(Qt::white));
}

void TestTheme::readable_data() {
    QTest::addColumn<Theme>("theme");
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << Theme::Light << false;
    QTest::addRow("dark") << Theme::Dark << true;
}

void TestTheme::readable() {
    QFETCH(Theme, theme);
    QFETCH(bool, dark);
    applyTheme(theme);
    const QPalette p = QApplication::palette();
    QCOMPARE(contrastRatio(p.color(QPalette::Window), Qt::white) > 10.0, dark);
    for (const auto& [fg, bg] : {std::pair{QPalette::WindowText, QPalette::Window},
                                 std::pair{QPalette::Text, QPalette::Base},
                                 std::pair{QPalette::ButtonText, QPalette::Button},
                                 std::pair{QPalette::HighlightedText, QPalette::Highlight},
                                 std::pair{QPalette::ToolTipText, QPalette::ToolTipBase}}) {
        const double ratio = contrastRatio(p.color(fg), p.color(bg));
        QVERIFY2(ratio >= 4.5, qPrintable(QString("role %1 on %2: %3").arg(fg).arg(bg).arg(ratio)));
    }
    const double hint = contrastRatio(hintColour(p), p.color(QPalette::Base));
    QVERIFY2(hint >= 4.5, qPrintable(QString::number(hint)));

    StrengthChart chart;
    QCOMPARE(chart.backgroundColour(), p.color(QPalette::Base));
    const double text = contrastRatio(chart.textColour(), chart.backgroundColour());
    QVERIFY2(text >= 4.5, qPrintable(QString::number(text)));
    const double curve = contrastRatio(chart.curveColour(), chart.backgroundColour());
    QVERIFY2(curve >= 3.0, qPrintable(QString::number(curve)));
}

void TestTheme::chartFollowsPaletteChange() {
    applyTheme(Theme::Light);
    StrengthChart chart;
    chart.show();
    const QColor lightBackground = chart.backgroundColour();
    QVERIFY(contrastRatio(lightBackground, Qt::black) > 10.0);
    applyTheme(Theme::Dark);
    QTRY_VERIFY_WITH_TIMEOUT(contrastRatio(chart.backgroundColour(), Qt::white) > 10.0, 2000);
    QVERIFY(contrastRatio(chart.textColour(), chart.backgroundColour()) >= 4.5);
    QVERIFY(contrastRatio(chart.curveColour(), chart.backgroundColour()) >= 3.0);
}

void TestTheme::systemRestoresStartingPalette() {
    applyTheme(Theme::Dark);
    applyTheme(Theme::System);
    QCOMPARE(currentTheme(), Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             QApplication::style()->standardPalette().color(QPalette::Window));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
