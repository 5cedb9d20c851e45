#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProcess;
class QPushButton;

namespace depthstyle::ui {

// Shown instead of the panes while model files are missing: which files, where
// they are looked for, and how to install them.
class ModelsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPanel(QWidget* parent = nullptr);

    void showMissing(const QStringList& missingFiles, const QStringList& searchPath,
                     const QString& installDirectory);
    QString explanation() const;

    // The set-up script: installed beside the programs, or in the source tree.
    static QString fetchScriptPath();

Q_SIGNALS:
    void checkAgainRequested();
    void modelDirectoryChosen(const QString& directory);

private:
    void installFromFolder();

    QLabel* text_;
    QPlainTextEdit* log_;
    QPushButton* install_;
    QProcess* process_ = nullptr;
    QString installDirectory_;
};

}  // namespace depthstyle::ui
