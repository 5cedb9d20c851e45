#include "models_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

namespace depthstyle::ui {

ModelsPanel::ModelsPanel(QWidget* parent)
    : QWidget(parent),
      text_(new QLabel(this)),
      log_(new QPlainTextEdit(this)),
      install_(new QPushButton(tr("Install from a Folder of Downloaded Files…"), this)) {
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->setAccessibleName(tr("Model set-up"));
    log_->setReadOnly(true);
    log_->setAccessibleName(tr("Set-up output"));
    log_->hide();
    auto* useFolder = new QPushButton(tr("Use Models from Another Folder…"), this);
    auto* again = new QPushButton(tr("Check Again"), this);
    install_->setToolTip(tr("Checks, converts and installs the three downloaded files"));
    useFolder->setToolTip(tr("Pick a folder that already holds installed DepthStyle models"));
    again->setToolTip(tr("Look for the model files again"));
    install_->setAccessibleName(install_->text());
    useFolder->setAccessibleName(useFolder->text());
    again->setAccessibleName(again->text());

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(install_);
    buttons->addWidget(useFolder);
    buttons->addWidget(again);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 40, 40, 40);
    layout->addWidget(text_);
    layout->addLayout(buttons);
    layout->addWidget(log_, 1);
    layout->addStretch(0);

    connect(again, &QPushButton::clicked, this, &ModelsPanel::checkAgainRequested);
    connect(install_, &QPushButton::clicked, this, &ModelsPanel::installFromFolder);
    connect(useFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with Models"));
        if (!dir.isEmpty()) {
            Q_EMIT modelDirectoryChosen(dir);
        }
    });
}

QString ModelsPanel::fetchScriptPath() {
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        appDir + "/../share/depthstyle/fetch-models.sh",
        QStringLiteral(DEPTHSTYLE_SOURCE_DIR "/packaging/fetch-models.sh"),
    };
    for (const QString& candidate : candidates) {
        if (QFileInfo::exists(candidate)) {
            return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return {};
}

void ModelsPanel::showMissing(const QStringList& missingFiles, const QStringList& searchPath,
                              const QString& installDirectory) {
    installDirectory_ = installDirectory;
    QString html =
        tr("<h2>DepthStyle needs its model files</h2>"
           "<p>These files are missing:</p><ul>");
    for (const QString& file : missingFiles) {
        html += "<li><tt>" + file.toHtmlEscaped() + "</tt></li>";
    }
    html += "</ul><p>" + tr("Models are looked for in:") + "</p><ul>";
    for (const QString& dir : searchPath) {
        html += "<li><tt>" + dir.toHtmlEscaped() + "</tt></li>";
    }
    const QString script = fetchScriptPath();
    html +=
        "</ul><p>" +
        tr("To install them, run <tt>%1</tt> in a terminal (it downloads the three published "
           "files, checks and converts them), or download <tt>vgg_normalised.pth</tt>, "
           "<tt>decoder.pth</tt> and <tt>model-small-traced.pt</tt> yourself into a folder and "
           "choose that folder below.")
            .arg((script.isEmpty() ? QStringLiteral("fetch-models.sh") : script).toHtmlEscaped()) +
        "</p>";
    text_->setText(html);
    install_->setEnabled(!script.isEmpty());
}

QString ModelsPanel::explanation() const {
    return text_->text();
}

void ModelsPanel::installFromFolder() {
    const QString from =
        QFileDialog::getExistingDirectory(this, tr("Folder with Downloaded Files"));
    if (from.isEmpty() || process_ != nullptr) {
        return;
    }
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    log_->clear();
    log_->show();
    install_->setEnabled(false);
    connect(process_, &QProcess::readyRead, this, [this] {
        log_->appendPlainText(QString::fromLocal8Bit(process_->readAll()).trimmed());
    });
    connect(process_, &QProcess::finished, this, [this](int code) {
        install_->setEnabled(true);
        process_->deleteLater();
        process_ = nullptr;
        if (code == 0) {
            Q_EMIT checkAgainRequested();
        }
    });
    process_->start("bash", {fetchScriptPath(), "--from", from, "--dest", installDirectory_});
}

}  // namespace depthstyle::ui
