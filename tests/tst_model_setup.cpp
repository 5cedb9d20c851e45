// packaging/fetch-models.sh --from on stand-in files in the published
// formats: it checks, converts, prints SHA-256 sums, compares them with the
// published ones, and installs the set as a unit (all or nothing, a kill at
// any point included).
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
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    names.sort(Qt::CaseSensitive);
    return names;
}

// An installed folder: the three names, both lists, the link to the set in
// use and the one set; nothing else (no staging folder, no temporary link).
const QStringList kInstalledEntries{".sets",
                                    "SHA256SUMS",
                                    "SOURCE-SHA256SUMS",
                                    "current",
                                    "decoder.pth",
                                    "model-small-traced.pt",
                                    "vgg_normalised.pth"};

// `sha256sum -c SHA256SUMS` run in the folder, as a user would.
ProcessResult checkSums(const QString& dir) {
    return runProcess("bash", {"-c", "cd \"$1\" && sha256sum --strict -c SHA256SUMS", "-", dir});
}

// A list in the published-hashes format for the stand-ins, with `wrongFor`'s
// hash replaced.
QString writePublishedSums(const QString& path, const QString& wrongFor = {}) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write("# stand-in hashes for the tests\n");
    for (const QString& name : kModelNames) {
        QByteArray sum = sha256Of(standinPublishedDir() + "/" + name);
        if (name == wrongFor) {
            sum = QByteArray(64, 'a');
        }
        file.write(sum + "  " + name.toUtf8() + "\n");
    }
    return path;
}

ProcessResult fetchModelsWith(const QString& publishedSums, const QStringList& arguments) {
    return runProcess("bash", QStringList{sourceDir() + "/packaging/fetch-models.sh"} + arguments,
                      300000, {"DEPTHSTYLE_PUBLISHED_SUMS=" + publishedSums});
}

ProcessResult runScriptTest(const QStringList& arguments) {
    return runProcess("bash",
                      QStringList{sourceDir() + "/tests/tools/check_fetch_models.sh"} + arguments,
                      600000);
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
    void publishedHashesAreChecked();
    void killedRunsNeverMixSets();
    void oddFolderNamesAreNamed();
    void depthModelInstalledFrozen();

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
    QCOMPARE(entries(dest), kInstalledEntries);
    QCOMPARE(entries(dest + "/.sets").size(), 1);
    const ProcessResult sums = checkSums(dest);
    QVERIFY2(sums.exitCode == 0 && sums.out.count(": OK") == 3, qPrintable(sums.out + sums.err));
    // The files as taken are listed apart (the AdaIN ones differ once converted).
    QFile sources(dest + "/SOURCE-SHA256SUMS");
    QVERIFY(sources.open(QIODevice::ReadOnly));
    const QByteArray sourceList = sources.readAll();
    for (const QString& name : kModelNames) {
        QVERIFY(sourceList.contains(sha256Of(standinPublishedDir() + "/" + name) + "  " +
                                    name.toUtf8()));
    }
    QVERIFY(sha256Of(dest + "/decoder.pth") != sha256Of(standinPublishedDir() + "/decoder.pth"));
    // Without a published hash on record, each file is said to be unchecked.
    QCOMPARE(run.err.count("could not be checked against the published file"), 3);
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
    QCOMPARE(entries(dest), kInstalledEntries);
    QCOMPARE(entries(dest + "/.sets").size(), 1);
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
    QCOMPARE(entries(dest), kInstalledEntries);
    QCOMPARE(checkSums(dest).exitCode, 0);
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

void TestModelSetup::publishedHashesAreChecked() {
    const QString good = writePublishedSums(dir_.filePath("published-good.sha256"));
    const QString wrong =
        writePublishedSums(dir_.filePath("published-wrong.sha256"), "decoder.pth");
    QVERIFY(!good.isEmpty() && !wrong.isEmpty());
    const QString mirror = "file://" + standinPublishedDir();

    // Downloads (from a mirror) that match: installed, no warning.
    const QString dest = dir_.filePath("published");
    ProcessResult run = fetchModelsWith(good, {"--mirror", mirror, "--dest", dest});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!run.err.contains("warning"), qPrintable(run.err));
    QCOMPARE(checkSums(dest).exitCode, 0);
    const QByteArray installed = sha256Of(dest + "/decoder.pth");

    // A download that does not match: refused, the set in use kept.
    run = fetchModelsWith(wrong, {"--mirror", mirror, "--dest", dest, "--force"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("decoder.pth (from " + mirror +
                              "/decoder.pth)' is not the "
                              "published file") &&
                 run.err.contains("nothing was installed"),
             qPrintable(run.err));
    QCOMPARE(sha256Of(dest + "/decoder.pth"), installed);
    QCOMPARE(entries(dest), kInstalledEntries);

    // A --from file that does not match: installed, with one warning line.
    run = fetchModelsWith(wrong, {"--from", standinPublishedDir(), "--dest", dest});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList warnings = run.err.split('\n').filter("warning");
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(
        warnings[0].contains(standinPublishedDir() + "/decoder.pth' is not the published file"),
        qPrintable(run.err));
    QCOMPARE(checkSums(dest).exitCode, 0);

    run = fetchModelsWith(good, {"--mirror", mirror, "--from", standinPublishedDir()});
    QCOMPARE(run.exitCode, 2);
}

void TestModelSetup::killedRunsNeverMixSets() {
    const QString other = dir_.filePath("seed7");
    const ProcessResult made = runPythonTool("make_standin_models.py", {other, "--seed", "7"});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const ProcessResult run =
        runScriptTest({"interrupts", sourceDir() + "/packaging/fetch-models.sh",
                       standinPublishedDir(), other, dir_.filePath("interrupts")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    qInfo("%s", qPrintable(run.out.trimmed()));
}

void TestModelSetup::oddFolderNamesAreNamed() {
    const ProcessResult run =
        runScriptTest({"names", sourceDir() + "/packaging/fetch-models.sh", standinPublishedDir(),
                       broken_, dir_.filePath("names")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
}

// The MiDaS file is installed frozen: one graph, batch normalisation folded
// into the convolutions, the same output within float rounding.
void TestModelSetup::depthModelInstalledFrozen() {
    const QString dest = dir_.filePath("frozen");
    const ProcessResult run = fetchModels({"--from", standinPublishedDir(), "--dest", dest});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString published = standinPublishedDir() + "/model-small-traced.pt";
    const QString installed = dest + "/model-small-traced.pt";
    QVERIFY(sha256Of(installed) != sha256Of(published));
    const ProcessResult compared = runPythonTool("compare_depth_models.py", {published, installed});
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
    const QStringList words = compared.out.simplified().split(' ');
    QCOMPARE(words.size(), 6);
    QCOMPARE(words[1], QStringLiteral("0"));  // submodules
    QCOMPARE(words[3], QStringLiteral("0"));  // batch normalisations
    QVERIFY2(words[5].toDouble() <= 1e-4, qPrintable(compared.out));
    // The published one keeps its submodules (the comparison can tell).
    const ProcessResult itself = runPythonTool("compare_depth_models.py", {published, published});
    QVERIFY2(itself.out.startsWith("submodules ") && !itself.out.startsWith("submodules 0"),
             qPrintable(itself.out));
}

QTEST_GUILESS_MAIN(TestModelSetup)
#include "tst_model_setup.moc"
