#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "compute_threads.h"
#include "depthstyle/process_setup.h"
#include "export_controller.h"
#include "local_path.h"
#include "main_window.h"
#include "result_presenter.h"
#include "theme.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DepthStyle"));
    QApplication::setApplicationName(QStringLiteral("depthstyle"));
    QApplication::setApplicationDisplayName(QStringLiteral("DepthStyle"));
    QApplication::setApplicationVersion(QStringLiteral(DEPTHSTYLE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/depthstyle.svg")));
    QApplication::setDesktopFileName(QStringLiteral("depthstyle"));

    // The language: the saved choice (View > Language), else the system's.
    const QString language = QSettings().value("language").toString();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QTranslator translator;
    if (translator.load(locale, "depthstyle", "_", ":/i18n")) {
        QApplication::installTranslator(&translator);
    }
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, "qtbase", "_",
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Depth-aware style transfer for artists."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption models("models", QApplication::translate("main", "Model directory."),
                                    "dir");
    parser.addOption(models);
    const QCommandLineOption screenshot(
        "screenshot",
        QApplication::translate("main",
                                "Save a picture of the window once the first result is "
                                "shown, then quit (for documentation)."),
        "file");
    parser.addOption(screenshot);
    const QCommandLineOption theme(
        "theme",
        QApplication::translate("main",
                                "Colour theme for this run: system, light or dark (default: "
                                "the one chosen in View > Theme)."),
        "name");
    parser.addOption(theme);
    const QCommandLineOption params(
        "params",
        QApplication::translate("main",
                                "Start with the parameters of a sidecar (depthstyle.json), as "
                                "File > Load Parameters does."),
        "file");
    parser.addOption(params);
    parser.addPositionalArgument("content", QApplication::translate("main", "Content image."),
                                 "[CONTENT");
    parser.addPositionalArgument("style", QApplication::translate("main", "Style image."),
                                 "[STYLE]]");
    // Arguments decoded without loss: a photo whose name is not UTF-8 opens.
    parser.process(depthstyle::doc::commandLineArguments(argc, argv));
    const std::optional<depthstyle::ui::Theme> chosenTheme =
        parser.isSet(theme) ? depthstyle::ui::parseThemeKey(parser.value(theme))
                            : depthstyle::ui::themeFromKey(QSettings().value("theme").toString());
    if (!chosenTheme) {
        std::fprintf(stderr, "depthstyle: --theme: '%s' is not system, light or dark\n",
                     qPrintable(parser.value(theme)));
        return 2;
    }
    depthstyle::ui::applyTheme(*chosenTheme);
    // Process-wide settings, once, before any work: memory reuse and the
    // compute threads (every core unless View > Compute Threads says fewer).
    depthstyle::configureProcess(depthstyle::ui::savedComputeThreads());

    depthstyle::ui::MainWindow window(parser.value(models));
    if (parser.isSet(params) && !window.exporter().loadParameters(parser.value(params))) {
        std::fprintf(stderr, "depthstyle: --params: %s\n", qPrintable(window.message()));
        return 2;
    }
    window.show();
    const QStringList images = parser.positionalArguments();
    if (!images.isEmpty()) {
        window.openContent(images.at(0));
    }
    if (images.size() > 1) {
        window.openStyle(images.at(1));
    }
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto* poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, file] {
            const auto& presenter = window.presenter();
            if (presenter.status() == depthstyle::ui::ResultPresenter::Status::Idle &&
                presenter.exact()) {
                const bool saved = window.grab().save(file);
                QApplication::exit(saved ? 0 : 1);
            }
        });
        poll->start(250);
        QTimer::singleShot(300000, &window, [] { QApplication::exit(2); });
    }
    return QApplication::exec();
}
