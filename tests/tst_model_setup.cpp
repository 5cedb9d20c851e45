// packaging/fetch-models.sh --from on stand-in files in the published
// formats: it checks, converts, prints SHA-256 sums, installs all or nothing.
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

#include "depthstyle/session.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

const QStringList kModelNames{"vgg_normalised.pth", "decoder.pth", "model-small-traced.pt"};

QByteArray sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

ProcessResult fetchModels(const QStringList& arguments) {
    return runProcess("bash", QStringList{sourceDir() + "/packaging/fetch-models.sh"} + arguments);
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

}  // namespace

class TestModelSetup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void installsFromFolder();
    void runningAgainChangesNothing();
    void badTensorInstallsNothing();
    void missingFileIsNamed();
    void badOptions();
    void picklesThatRunCodeAreRefused();

private:
    QTemporaryDir dir_;
    QString broken_;
};

void TestModelSetup::initTestCase() {
    QVERIFY(dir_.isValid());
    broken_ = dir_.filePath("broken");
    const ProcessResult made =
        runPythonTool("make_standin_models.py", {broken_, "--wrong-shape", "decoder:14.weight"});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
}

void TestModelSetup::installsFromFolder() {
    const QString dest = dir_.filePath("models");
    const ProcessResult run = fetchModels({"--from", standinPublishedDir(), "--dest", dest});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const QString& name : kModelNames) {
        const QByteArray sum = sha256Of(standinPublishedDir() + "/" + name);
        QVERIFY2(run.out.contains("SHA-256 " + sum + "  " + name), qPrintable(run.out));
        QVERIFY(QFile::exists(dest + "/" + name));
    }
    QCOMPARE(entries(dest).size(), 4);  // the three files and SHA256SUMS, no leftovers
    // The AdaIN files are now in the zip format that LibTorch reads.
    QFile encoder(dest + "/vgg_normalised.pth");
    QVERIFY(encoder.open(QIODevice::ReadOnly));
    QCOMPARE(encoder.read(2), QByteArray("PK"));
    Session session(ModelFiles::inDirectory(dest.toStdString()));
    QVERIFY(!session.hasContent());
}

void TestModelSetup::runningAgainChangesNothing() {
    const QString dest = dir_.filePath("models");
    QMap<QString, QByteArray> before;
    for (const QString& name : kModelNames) {
        before[name] = sha256Of(dest + "/" + name);
    }
    const ProcessResult run = fetchModels({"--from", standinPublishedDir(), "--dest", dest});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const QString& name : kModelNames) {
        QCOMPARE(sha256Of(dest + "/" + name), before[name]);
    }
    QCOMPARE(entries(dest).size(), 4);
    // Without --from a complete set is recognised and nothing is downloaded.
    const ProcessResult check = fetchModels({"--dest", dest});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QVERIFY(check.out.contains("already installed"));
}

void TestModelSetup::badTensorInstallsNothing() {
    // Into an empty folder: nothing at all is installed.
    const QString fresh = dir_.filePath("fresh");
    ProcessResult run = fetchModels({"--from", broken_, "--dest", fresh});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("decoder.pth") && run.err.contains("'14.weight'") &&
                 run.err.contains("expected 128x256x3x3") && run.err.contains("--from"),
             qPrintable(run.err));
    QCOMPARE(entries(fresh), QStringList());

    // Over a good set: the good set stays as it was.
    const QString dest = dir_.filePath("models");
    const QByteArray encoderBefore = sha256Of(dest + "/vgg_normalised.pth");
    run = fetchModels({"--from", broken_, "--dest", dest});
    QVERIFY(run.exitCode != 0);
    QCOMPARE(sha256Of(dest + "/vgg_normalised.pth"), encoderBefore);
    QCOMPARE(entries(dest).size(), 4);
}

void TestModelSetup::missingFileIsNamed() {
    const QString partial = dir_.filePath("partial");
    QDir().mkpath(partial);
    QVERIFY(QFile::copy(standinPublishedDir() + "/vgg_normalised.pth",
                        partial + "/vgg_normalised.pth"));
    const ProcessResult run =
        fetchModels({"--from", partial, "--dest", dir_.filePath("partial-dest")});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(partial + "/decoder.pth' is missing") &&
                 run.err.contains("releases/download/v0.0.0/decoder.pth"),
             qPrintable(run.err));
    QCOMPARE(entries(dir_.filePath("partial-dest")), QStringList());
}

void TestModelSetup::badOptions() {
    ProcessResult run = fetchModels({"--frm", "x"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown option '--frm'"));
    run = fetchModels({"--from", dir_.filePath("no-such-folder")});
    QVERIFY(run.exitCode != 0);
    QVERIFY(run.err.contains("no-such-folder': no such folder"));
    run = fetchModels({"--help"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--from DIR"));
}

void TestModelSetup::picklesThatRunCodeAreRefused() {
    // A folder of good files but for an encoder that runs code when unpickled.
    const QString hostile = dir_.filePath("hostile");
    QDir().mkpath(hostile);
    for (const QString& name : {QString("decoder.pth"), QString("model-small-traced.pt")}) {
        QVERIFY(QFile::copy(standinPublishedDir() + "/" + name, hostile + "/" + name));
    }
    const QString marker = dir_.filePath("code-ran");
    const ProcessResult made =
        runPythonTool("make_hostile_pickle.py", {hostile + "/vgg_normalised.pth", marker});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QVERIFY(!QFile::exists(marker));

    const QString dest = dir_.filePath("hostile-dest");
    const ProcessResult run = fetchModels({"--from", hostile, "--dest", dest});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(hostile + "/vgg_normalised.pth") && run.err.contains("refused"),
             qPrintable(run.err));
    QVERIFY2(!QFile::exists(marker), "unpickling the model file ran its code");
    QCOMPARE(entries(dest), QStringList());
}

QTEST_GUILESS_MAIN(TestModelSetup)
#include "tst_model_setup.moc"
