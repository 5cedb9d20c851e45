// The document controller's typed undo commands and the document library:
// parameters, sidecar, PNG text chunks and presets.
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "depthstyle/engine_error.h"
#include "document_controller.h"
#include "export_bundle.h"
#include "local_path.h"
#include "png_metadata.h"
#include "presets.h"
#include "sidecar.h"
#include "user_presets.h"

using namespace depthstyle;
using depthstyle::ui::DocumentController;
using depthstyle::ui::ImageRole;
using depthstyle::ui::ParameterControl;

namespace {

doc::ImageInput image(quint64 id, const QString& label) {
    auto picture = std::make_shared<Image>();
    picture->rgb = cv::Mat(4, 4, CV_32FC3, cv::Scalar::all(0.5));
    return {picture, label, id};
}

}  // namespace

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileNamesKeepTheirBytes_data();
    void fileNamesKeepTheirBytes();
    void sliderDragIsOneStep();
    void separateDragsAndPausesAreStepsOfTheirOwn();
    void undoRestoresImagesWithParameters();
    void noChangeNoStep();
    void loadAndDepthMapAreStepsOfTheirOwn();
    void sidecarRoundTrip();
    void sidecarFieldsAreValidated();
    void pngTextCarriesTheParameters();
    void presetsSetTheStrengthOnly();
    void presetIsOneUndoStep();
    void userPresetsKeepTheLookNotThePhoto();
    void exportAllWritesEveryFileAndAReadableSidecar();
};

void TestDocument::fileNamesKeepTheirBytes_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("utf8");
    QTest::addRow("ascii") << QByteArray("/tmp/a b.png") << true;
    QTest::addRow("two, three and four bytes")
        << QByteArray("/tmp/\xc3\xa9\xe2\x82\xac\xf0\x9f\x8e\xa8.png") << true;
    QTest::addRow("latin-1") << QByteArray("/tmp/caf\xe9.png") << false;
    QTest::addRow("never valid") << QByteArray("\xff\xfe.png") << false;
    QTest::addRow("cut sequence") << QByteArray("a\xe2\x82") << false;
    QTest::addRow("overlong slash") << QByteArray(
                                           "a\xc0\xaf"
                                           "b")
                                    << false;
    QTest::addRow("encoded surrogate") << QByteArray("\xed\xa0\x80x") << false;
    QTest::addRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::addRow("mixed") << QByteArray("\xc3\xa9\xe9\xc3\xa9") << false;
}

void TestDocument::fileNamesKeepTheirBytes() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, utf8);
    const QString text = doc::fromLocalPath(bytes.toStdString());
    QCOMPARE(QByteArray::fromStdString(doc::localPath(text)), bytes);
    if (utf8) {
        QCOMPARE(text, QString::fromUtf8(bytes));
    } else {
        QVERIFY(!text.contains(QChar(0xFFFD)));
    }
    const char* argv[] = {"prog", bytes.constData()};
    QCOMPARE(doc::commandLineArguments(2, argv).at(1), text);
}

void TestDocument::sliderDragIsOneStep() {
    DocumentController c;
    QSignalSpy changed(&c, &DocumentController::documentChanged);
    doc::Parameters p;
    for (double beta : {21.0, 22.0, 23.0}) {
        p.beta = beta;
        c.changeParameters(p, ParameterControl::Beta);
    }
    p.epsilon = 0.4;
    c.changeParameters(p, ParameterControl::Epsilon);
    QCOMPARE(changed.size(), 4);
    QCOMPARE(c.undoStack()->count(), 2);
    QCOMPARE(c.undoStack()->undoText(), QString("Epsilon 0.15 → 0.4"));
    c.undoStack()->undo();
    QCOMPARE(c.undoStack()->undoText(), QString("Beta 20 → 23"));  // the merged drag
    QCOMPARE(c.document().parameters.epsilon, 0.15);
    QCOMPARE(c.document().parameters.beta, 23.0);
    c.undoStack()->undo();
    QCOMPARE(c.document().parameters.beta, 20.0);
    c.undoStack()->redo();
    QCOMPARE(c.document().parameters.beta, 23.0);
    // Every state change was reported, undo and redo included.
    QCOMPARE(changed.size(), 7);
    QCOMPARE(changed.constLast().at(0).value<doc::Document>().parameters.beta, 23.0);
}

void TestDocument::separateDragsAndPausesAreStepsOfTheirOwn() {
    DocumentController c;
    QUndoStack& undo = *c.undoStack();
    doc::Parameters p;
    const auto beta = [&](double value, qint64 atMs) {
        p.beta = value;
        c.changeParameters(p, ParameterControl::Beta, atMs);
    };
    // A drag (press to release) is one step, however long it pauses.
    c.holdEditStep(true);
    beta(30.0, 1000);
    beta(40.0, 5000);
    c.holdEditStep(false);
    QCOMPARE(undo.count(), 1);
    // The next drag, right after, is a step of its own.
    c.holdEditStep(true);
    beta(50.0, 5100);
    c.holdEditStep(false);
    QCOMPARE(undo.count(), 2);
    QCOMPARE(undo.undoText(), QString("Beta 40 → 50"));
    // Keys in a burst merge; a pause longer than the gap starts a step.
    const qint64 gap = ui::EditSteps::kBurstGapMs;
    beta(51.0, 9000);
    beta(52.0, 9000 + gap);
    QCOMPARE(undo.count(), 3);
    beta(53.0, 9000 + 2 * gap + 1);
    QCOMPARE(undo.count(), 4);
    QCOMPARE(undo.undoText(), QString("Beta 52 → 53"));
    // An export closes the step: the state exported stays reachable.
    c.closeEditStep();
    beta(54.0, 9000 + 2 * gap + 2);
    QCOMPARE(undo.count(), 5);
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 53.0);
    // A change after an undo is a new step, not merged into an older one.
    beta(60.0, 9000 + 2 * gap + 3);
    QCOMPARE(undo.count(), 5);
    QCOMPARE(undo.undoText(), QString("Beta 53 → 60"));
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 53.0);
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 52.0);
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 50.0);
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 40.0);
    undo.undo();
    QCOMPARE(c.document().parameters.beta, 20.0);
}

void TestDocument::undoRestoresImagesWithParameters() {
    DocumentController c;
    c.setImage(ImageRole::Content, image(c.nextImageId(), "a.png"), "/tmp/a.png");
    doc::Parameters p = c.document().parameters;
    p.beta = 9.0;
    c.changeParameters(p, ParameterControl::Beta);
    c.setImage(ImageRole::Content, image(c.nextImageId(), "b.png"), "/tmp/b.png");
    QCOMPARE(c.document().content.label, QString("b.png"));
    QCOMPARE(c.undoStack()->undoText(), QString("Open Content b.png"));
    c.undoStack()->undo();
    QCOMPARE(c.document().content.label, QString("a.png"));
    QCOMPARE(c.document().contentPath, QString("/tmp/a.png"));
    QCOMPARE(c.document().parameters.beta, 9.0);
    c.undoStack()->undo();
    c.undoStack()->undo();
    QVERIFY(c.document().content.empty());
    c.undoStack()->redo();
    QCOMPARE(c.document().content.id, quint64(1));
}

void TestDocument::noChangeNoStep() {
    DocumentController c;
    c.changeParameters(c.document().parameters, ParameterControl::Alpha);
    QCOMPARE(c.undoStack()->count(), 0);
}

void TestDocument::loadAndDepthMapAreStepsOfTheirOwn() {
    DocumentController c;
    doc::Parameters loaded;
    loaded.beta = 44.0;
    loaded.fastDecoding = true;
    c.loadParameters(loaded, "depthstyle.json");
    c.useDepthMap("/tmp/d.png", "d.png");
    QCOMPARE(c.undoStack()->count(), 2);
    QCOMPARE(c.undoStack()->undoText(), QString("Use Depth Map d.png"));
    QVERIFY(c.document().parameters.depthFromFile);
    c.undoStack()->undo();
    QVERIFY(!c.document().parameters.depthFromFile);
    QCOMPARE(c.undoStack()->undoText(), QString("Load Parameters from depthstyle.json"));
    c.undoStack()->undo();
    QCOMPARE(c.document().parameters, doc::Parameters());
}

void TestDocument::sidecarRoundTrip() {
    QTemporaryDir dir;
    doc::Parameters p;
    p.method = Method::Adain;
    p.alpha = 0.25;
    p.contentSize = 0;
    p.styleSize = 300;
    p.depthFromFile = true;
    p.depthPath = "/tmp/depth.png";
    p.depthIsDistance = true;
    p.fastDecoding = true;
    p.matchedStrength = true;
    const QString path = dir.filePath("depthstyle.json");
    doc::writeJsonFile(path, {{"format", doc::kSidecarFormat},
                              {"parameters", p.toJson()},
                              {"content", "/tmp/c.png"},
                              {"plainAdainAlpha", 0.25}});
    const doc::Sidecar back = doc::readSidecar(path);
    QCOMPARE(back.parameters, p);
    QCOMPARE(back.contentPath, QString("/tmp/c.png"));
    QCOMPARE(back.plainAdainAlpha, 0.25);
}

void TestDocument::sidecarFieldsAreValidated() {
    QTemporaryDir dir;
    const struct {
        const char* field;
        QJsonValue value;
    } bad[] = {{"beta", -1},
               {"beta", "20"},
               {"epsilon", 1.5},
               {"alpha", QJsonValue()},
               {"contentSize", 12.5},
               {"method", "magic"},
               {"decoderPrecision", "fp8"},
               {"depthSource", "file"}};
    for (const auto& [field, value] : bad) {
        QJsonObject parameters = doc::Parameters().toJson();
        parameters.insert(field, value);
        if (QString(field) == "depthSource") {
            parameters.insert("depthPath", "");
        }
        const QString path = dir.filePath(QString("%1.json").arg(field));
        doc::writeJsonFile(path, {{"parameters", parameters}});
        try {
            doc::readSidecar(path);
            QFAIL(qPrintable(QString("no error for %1").arg(field)));
        } catch (const EngineError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(path) && message.contains(field), qPrintable(message));
        }
    }
    const QString other = dir.filePath("other.json");
    doc::writeJsonFile(other, {{"format", "something-else"}, {"parameters", QJsonObject()}});
    QVERIFY_THROWS_EXCEPTION(EngineError, doc::readSidecar(other));
}

void TestDocument::pngTextCarriesTheParameters() {
    doc::Parameters p;
    p.beta = 12.5;
    const auto entries = doc::pngTextEntries(p);
    QCOMPARE(entries.size(), size_t(2));
    QVERIFY(QString::fromStdString(entries[0].second).startsWith("DepthStyle "));
    QCOMPARE(entries[1].first, std::string("depthstyle"));
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(entries[1].second)).object();
    QCOMPARE(doc::Parameters::fromJsonStrict(json), p);
}

void TestDocument::presetsSetTheStrengthOnly() {
    doc::Parameters p;
    p.contentSize = 0;
    p.fastDecoding = true;
    const auto strong = doc::presetByKey("strong");
    QVERIFY(strong);
    const doc::Parameters q = strong->apply(p);
    QCOMPARE(q.beta, 50.0);
    QCOMPARE(q.epsilon, 0.05);
    QCOMPARE(q.contentSize, 0);
    QVERIFY(q.fastDecoding);
    QVERIFY(!doc::presetByKey("nonsense"));
    QCOMPARE(doc::presetByKey("adain")->apply(p).method, Method::Adain);
}

void TestDocument::presetIsOneUndoStep() {
    DocumentController c;
    doc::Parameters p;
    p.contentSize = 768;
    c.changeParameters(p, ParameterControl::ContentSize);
    c.applyPreset(*doc::presetByKey("subtle"));
    QCOMPARE(c.document().parameters.beta, 8.0);
    QCOMPARE(c.document().parameters.epsilon, 0.4);
    QCOMPARE(c.document().parameters.contentSize, 768);
    QCOMPARE(c.undoStack()->undoText(), QString("Apply Preset Subtle (beta 8, epsilon 0.4)"));
    c.applyPreset(*doc::presetByKey("subtle"));  // already in place: no step
    QCOMPARE(c.undoStack()->count(), 2);
    c.undoStack()->undo();
    QCOMPARE(c.document().parameters.beta, 20.0);
    QCOMPARE(c.document().parameters.contentSize, 768);
}

void TestDocument::exportAllWritesEveryFileAndAReadableSidecar() {
    QTemporaryDir dir;
    doc::ExportBundle b;
    const auto picture = [](int w, int h, float v) {
        Image image;
        image.rgb = cv::Mat(h, w, CV_32FC3, cv::Scalar::all(v));
        return image;
    };
    b.result = picture(20, 12, 0.25f);
    b.plain = picture(20, 12, 0.75f);
    b.contentUsed = picture(20, 12, 0.5f);
    b.styleUsed = picture(9, 9, 0.5f);
    b.proximity = cv::Mat(12, 20, CV_32FC1, cv::Scalar(3));
    b.strengthGrid = cv::Mat(2, 3, CV_32FC1, cv::Scalar(0.4));
    b.parameters.beta = 7.5;
    b.plainAlpha = 0.4;
    b.contentPath = "/photos/c.jpg";
    const QStringList written = doc::exportAll(dir.path(), b);
    QCOMPARE(written.size(), doc::exportSetFileNames(b.parameters).size());
    for (const QString& path : written) {
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    const doc::Sidecar back = doc::readSidecar(dir.filePath(doc::kSidecarFileName));
    QCOMPARE(back.parameters, b.parameters);
    QCOMPARE(back.plainAdainAlpha, 0.4);
    QCOMPARE(back.contentPath, QString("/photos/c.jpg"));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).size() == written.size());  // no leftovers
    try {
        doc::exportAll(dir.filePath("missing"), b);
        QFAIL("no error for a missing folder");
    } catch (const EngineError& e) {
        QVERIFY2(QString(e.what()).contains(dir.filePath("missing")), e.what());
    }

    // A second set replaces the first whole; one that fails part way (no
    // style picture: the sixth file) leaves the first set as it was.
    QCOMPARE(doc::existingExportFiles(dir.path()), doc::exportSetFileNames(b.parameters));
    const auto bytes = [&](const QString& name) {
        QFile f(QDir(dir.path()).filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray firstResult = bytes("result.png");
    const QByteArray firstSidecar = bytes(doc::kSidecarFileName);
    doc::ExportBundle broken = b;
    broken.result = picture(20, 12, 0.9f);
    broken.parameters.beta = 40.0;
    broken.styleUsed = Image();
    QVERIFY_THROWS_EXCEPTION(EngineError, doc::exportAll(dir.path(), broken));
    QCOMPARE(bytes("result.png"), firstResult);
    QCOMPARE(bytes(doc::kSidecarFileName), firstSidecar);
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
        written.size());  // no staging folder left behind
    b.parameters.beta = 12.0;
    doc::exportAll(dir.path(), b);
    QCOMPARE(doc::readSidecar(dir.filePath(doc::kSidecarFileName)).parameters.beta, 12.0);
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
        written.size());
}

void TestDocument::userPresetsKeepTheLookNotThePhoto() {
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    doc::Parameters look;
    look.beta = 42.0;
    look.epsilon = 0.3;
    look.depthLevels = DepthLevels{0.1, 0.9, 2.0, true};
    look.preserveColor = ColorPreservation::Luminance;
    look.focus = cv::Point2d(0.5, 0.5);
    look.depthFromFile = true;
    look.depthPath = "/photos/depth.png";
    const QJsonObject json = doc::presetJson(look);
    QVERIFY(!json.contains("focus") && !json.contains("depthPath") &&
            !json.contains("strengthOverride") && !json.contains("styleWeights"));

    // Applied to another photo's parameters: the look comes, the photo's
    // own focus, depth file and layers stay.
    doc::Parameters photo;
    photo.focus = cv::Point2d(0.2, 0.8);
    photo.strengthOverride = std::make_shared<const PaintLayer>(transparentLayer({4, 4}));
    const doc::Parameters applied = doc::applyPresetJson(json, photo);
    QCOMPARE(applied.beta, 42.0);
    QCOMPARE(applied.depthLevels, look.depthLevels);
    QCOMPARE(applied.preserveColor, ColorPreservation::Luminance);
    QCOMPARE(applied.focus, photo.focus);
    QVERIFY(!applied.depthFromFile);
    QCOMPARE(applied.strengthOverride, photo.strengthOverride);

    // Stored, replaced by name, removed.
    doc::saveUserPreset({"Mine", json});
    doc::saveUserPreset({"Other", doc::presetJson(doc::Parameters())});
    look.beta = 7.0;
    doc::saveUserPreset({"Mine", doc::presetJson(look)});
    QCOMPARE(doc::userPresets().size(), size_t(2));
    QCOMPARE(doc::userPresetByName("Mine")->parameters.value("beta").toDouble(), 7.0);
    doc::removeUserPreset("Mine");
    QVERIFY(!doc::userPresetByName("Mine"));
    QCOMPARE(doc::userPresets().size(), size_t(1));
    // A bad value is refused by name.
    QJsonObject bad = json;
    bad.insert("epsilon", 3.0);
    QVERIFY_THROWS_EXCEPTION(EngineError, doc::applyPresetJson(bad, photo));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
