// The engine's model loading errors: each names the file and the reason, and
// a bad tensor is named with its expected shape.
#include <QTemporaryDir>
#include <QtTest>

#include "depthstyle/engine_error.h"
#include "depthstyle/session.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

class TestModelErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badModelFile_data();
    void badModelFile();
    void badDepthModel();
    void depthModelGivingNaN();
    void mixedSetIsRefused();
    void fileChangedAfterInstallIsRefused();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    QTemporaryDir dir_;
};

void TestModelErrors::initTestCase() {
    QVERIFY(dir_.isValid());
    // Zip-format state dicts (as installed) with one bad tensor each.
    const ProcessResult made =
        runPythonTool("make_standin_models.py", {file("zip"), "--format", "zip", "--wrong-shape",
                                                 "encoder:2.weight", "--drop", "decoder:5.weight"});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const ProcessResult nonFinite =
        runPythonTool("make_standin_models.py",
                      {file("nan"), "--format", "zip", "--non-finite", "decoder:8.bias"});
    QVERIFY2(nonFinite.exitCode == 0, qPrintable(nonFinite.err));
    const ProcessResult infinite = runPythonTool(
        "make_standin_models.py",
        {file("infinite"), "--format", "zip", "--negative-infinity", "decoder:5.weight"});
    QVERIFY2(infinite.exitCode == 0, qPrintable(infinite.err));
    const ProcessResult loneNan =
        runPythonTool("make_standin_models.py",
                      {file("lone-nan"), "--format", "zip", "--lone-nan", "encoder:5.weight"});
    QVERIFY2(loneNan.exitCode == 0, qPrintable(loneNan.err));
    const ProcessResult ordered =
        runPythonTool("make_standin_models.py", {file("ordered"), "--format", "zip-ordered"});
    QVERIFY2(ordered.exitCode == 0, qPrintable(ordered.err));
    QFile text(file("notes.pth"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a model\n");
    text.close();
    QFile empty(file("empty.pth"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
}

void TestModelErrors::badModelFile_data() {
    QTest::addColumn<QString>("encoder");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    const QString good = standinModelDir();
    const QString published = standinPublishedDir();
    QTest::addRow("missing encoder") << file("nowhere/vgg_normalised.pth") << good + "/decoder.pth"
                                     << int(ErrorKind::ModelMissing) << "not found";
    QTest::addRow("legacy format, as published")
        << published + "/vgg_normalised.pth" << good + "/decoder.pth"
        << int(ErrorKind::ModelInvalid) << "legacy";
    QTest::addRow("wrong shape") << file("zip/vgg_normalised.pth") << good + "/decoder.pth"
                                 << int(ErrorKind::ModelInvalid)
                                 << "tensor '2.weight' has shape 65x4x4x4, expected 64x3x3x3";
    QTest::addRow("missing tensor")
        << good + "/vgg_normalised.pth" << file("zip/decoder.pth") << int(ErrorKind::ModelInvalid)
        << "tensor '5.weight' is missing (expected shape 256x256x3x3)";
    QTest::addRow("OrderedDict in zip format")
        << file("ordered/vgg_normalised.pth") << good + "/decoder.pth"
        << int(ErrorKind::ModelInvalid) << "plain dict of tensors";
    QTest::addRow("not a model") << file("notes.pth") << good + "/decoder.pth"
                                 << int(ErrorKind::ModelInvalid) << "not a PyTorch state dict";
    QTest::addRow("empty") << good + "/vgg_normalised.pth" << file("empty.pth")
                           << int(ErrorKind::ModelInvalid) << "empty";
    QTest::addRow("NaN in a weight")
        << good + "/vgg_normalised.pth" << file("nan/decoder.pth") << int(ErrorKind::ModelInvalid)
        << "tensor '8.bias' holds NaN or infinite values";
    QTest::addRow("NaN alone, mid-weight")
        << file("lone-nan/vgg_normalised.pth") << good + "/decoder.pth"
        << int(ErrorKind::ModelInvalid) << "tensor '5.weight' holds NaN or infinite values";
    QTest::addRow("minus infinity alone, mid-weight")
        << good + "/vgg_normalised.pth" << file("infinite/decoder.pth")
        << int(ErrorKind::ModelInvalid) << "tensor '5.weight' holds NaN or infinite values";
    QTest::addRow("decoder given as encoder")
        << good + "/decoder.pth" << good + "/decoder.pth" << int(ErrorKind::ModelInvalid)
        << "tensor '0.weight' is missing (expected shape 3x3x1x1)";
}

void TestModelErrors::badModelFile() {
    QFETCH(QString, encoder);
    QFETCH(QString, decoder);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    ModelFiles files = standinModelFiles();
    files.encoder = encoder.toStdString();
    files.decoder = decoder.toStdString();
    try {
        Session session(files);
        QFAIL("no error");
    } catch (const EngineError& e) {
        const QString message = e.what();
        QCOMPARE(int(e.kind()), kind);
        const QString named = (message.contains(encoder) && encoder != decoder) ? encoder : decoder;
        QVERIFY2(message.startsWith("'" + named + "'"), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }
}

void TestModelErrors::badDepthModel() {
    ModelFiles files = standinModelFiles();
    files.depth = file("notes.pth").toStdString();
    Session session(files);
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(40, 32)));
    session.setContent(file("content.png").toStdString(), 0);
    try {
        session.proximity();
        QFAIL("no error");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::ModelInvalid);
        QVERIFY2(QString(e.what()).startsWith("'" + file("notes.pth") + "'"), e.what());
        QVERIFY2(QString(e.what()).contains("not a TorchScript model"), e.what());
    }
}

void TestModelErrors::depthModelGivingNaN() {
    const ProcessResult made = runPythonTool("make_nan_depth_model.py", {file("nan-depth.pt")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    ModelFiles files = standinModelFiles();
    files.depth = file("nan-depth.pt").toStdString();
    Session session(files);
    QVERIFY(writePicture(file("content-nan.png").toStdString(), makeContentPicture(40, 32)));
    session.setContent(file("content-nan.png").toStdString(), 0);
    try {
        session.proximity();
        QFAIL("no error");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::ModelInvalid);
        QVERIFY2(QString(e.what()).startsWith("'" + file("nan-depth.pt") + "'"), e.what());
        QVERIFY2(QString(e.what()).contains("NaN or infinite"), e.what());
    }
}

namespace {

// A plain folder holding copies of the installed stand-in set's files and its
// manifest (a copy made by hand: real files, no links).
QString copyOfInstalledSet(const QString& dir) {
    QDir().mkpath(dir);
    for (const QString& name : {QString("vgg_normalised.pth"), QString("decoder.pth"),
                                QString("model-small-traced.pt"), QString("SHA256SUMS")}) {
        QFile::remove(dir + "/" + name);
        if (!QFile::copy(standinModelDir() + "/" + name, dir + "/" + name)) {
            return {};
        }
    }
    return dir;
}

QString loadError(const QString& dir) {
    try {
        Session session(ModelFiles::inDirectory(dir.toStdString()));
    } catch (const EngineError& e) {
        return e.kind() == ErrorKind::ModelInvalid ? QString::fromStdString(e.what())
                                                   : QString("wrong kind: ") + e.what();
    }
    return {};
}

}  // namespace

void TestModelErrors::mixedSetIsRefused() {
    // The installed set itself loads, through its links.
    QCOMPARE(loadError(standinModelDir()), QString());

    // A decoder from another installation beside this set's manifest.
    const QString mixed = copyOfInstalledSet(file("mixed"));
    QVERIFY(!mixed.isEmpty());
    QCOMPARE(loadError(mixed), QString());
    const ProcessResult other =
        runPythonTool("make_standin_models.py", {file("other"), "--format", "zip", "--seed", "7"});
    QVERIFY2(other.exitCode == 0, qPrintable(other.err));
    QVERIFY(QFile::remove(mixed + "/decoder.pth"));
    QVERIFY(QFile::copy(file("other/decoder.pth"), mixed + "/decoder.pth"));
    const QString error = loadError(mixed);
    QVERIFY2(error.contains(mixed + "/decoder.pth") &&
                 error.contains("does not match the model set's manifest") &&
                 error.contains(mixed + "/SHA256SUMS") && error.contains("fetch-models.sh"),
             qPrintable(error));

    // A manifest that does not list a file.
    const QString unlisted = copyOfInstalledSet(file("unlisted"));
    QFile manifest(unlisted + "/SHA256SUMS");
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QByteArray lines = manifest.readAll();
    manifest.close();
    lines.replace("vgg_normalised.pth", "something-else.pth");
    QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifest.write(lines);
    manifest.close();
    QVERIFY2(loadError(unlisted).contains("not listed in the model set's manifest"),
             qPrintable(loadError(unlisted)));

    // No manifest at all: files placed by hand are loaded as they are.
    QVERIFY(QFile::remove(unlisted + "/SHA256SUMS"));
    QCOMPARE(loadError(unlisted), QString());
}

void TestModelErrors::fileChangedAfterInstallIsRefused() {
    // Loaded once, so that its hash is remembered; then one byte of a weight
    // changes, with the size and the modification time put back.
    const QString set = copyOfInstalledSet(file("changed"));
    QVERIFY(!set.isEmpty());
    QCOMPARE(loadError(set), QString());
    const QString decoder = set + "/decoder.pth";
    const QDateTime modified = QFileInfo(decoder).lastModified();
    QFile bytes(decoder);
    QVERIFY(bytes.open(QIODevice::ReadWrite));
    const qint64 at = bytes.size() - 100;  // inside the last tensor's data
    QVERIFY(bytes.seek(at));
    const char old = bytes.read(1).at(0);
    QVERIFY(bytes.seek(at));
    bytes.write(QByteArray(1, static_cast<char>(old ^ 0x40)));
    bytes.close();
    QVERIFY(bytes.open(QIODevice::ReadWrite));
    QVERIFY(bytes.setFileTime(modified, QFileDevice::FileModificationTime));
    bytes.close();
    QCOMPARE(QFileInfo(decoder).lastModified(), modified);
    const QString error = loadError(set);
    QVERIFY2(error.contains(decoder) && error.contains("does not match"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestModelErrors)
#include "tst_model_errors.moc"
