// Parity with an independent eager-PyTorch reference of the paper's formulas
// (tests/tools/reference_da_adain.py) on the same stand-in weights, images
// and depth map: results within 2/255 per pixel, strength maps within 1e-4.
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "depthstyle/session.h"
#include "raw_array.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

struct Case {
    const char* name;
    RenderParams params;
};

const Case kCases[] = {
    {"adain_full", {StrengthSettings::adain(0.0)}},
    {"adain_alpha03", {StrengthSettings::adain(0.3)}},
    {"da_paper", {StrengthSettings::daAdain(20.0, 0.15)}},
    {"da_soft", {StrengthSettings::daAdain(5.0, 0.4)}},
    {"da_sharp", {StrengthSettings::daAdain(50.0, 0.0)}},
};

QString runSpec(const Case& c) {
    return QString("%1:%2:%3:%4:%5")
        .arg(c.name, c.params.strength.method == Method::Adain ? "adain" : "da-adain")
        .arg(c.params.strength.beta)
        .arg(c.params.strength.epsilon)
        .arg(c.params.strength.alpha);
}

}  // namespace

class TestParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesReference_data();
    void matchesReference();
    void depthChangesTheResult();

private:
    QString file(const QString& name) const { return dir_.filePath(name); }
    QTemporaryDir dir_;
    std::unique_ptr<Session> session_;
};

void TestParity::initTestCase() {
    QVERIFY(dir_.isValid());
    // Odd sizes: 83 x 61 is no multiple of 8, so the decoder output is cropped.
    QVERIFY(writePicture(file("content.png").toStdString(), makeContentPicture(83, 61)));
    QVERIFY(writePicture(file("style.png").toStdString(), makeStylePicture(70, 50)));
    cv::Mat depth16;
    makeProximityPicture(83, 61).convertTo(depth16, CV_16U, 65535.0);
    QVERIFY(writePicture(file("depth.png").toStdString(), depth16));

    session_ = std::make_unique<Session>(standinModelFiles());
    session_->setContent(file("content.png").toStdString(), 0);
    session_->setStyle(file("style.png").toStdString(), 0);
    session_->setDepthSource({DepthSource::Kind::File, file("depth.png").toStdString(), false});

    // The reference gets exactly the pixels and proximity the engine uses.
    QVERIFY(writeRawArray(file("content.raw").toStdString(), session_->content().rgb));
    QVERIFY(writeRawArray(file("style.raw").toStdString(), session_->style().rgb));
    QVERIFY(writeRawArray(file("proximity.raw").toStdString(), session_->proximity()));
    QStringList args{"--models",    standinPublishedDir(),
                     "--content",   file("content.raw"),
                     "--style",     file("style.raw"),
                     "--proximity", file("proximity.raw"),
                     "--out",       dir_.path()};
    for (const Case& c : kCases) {
        args << "--run" << runSpec(c);
    }
    const ProcessResult reference = runPythonTool("reference_da_adain.py", args);
    QVERIFY2(reference.finished && reference.exitCode == 0, qPrintable(reference.err));
}

void TestParity::matchesReference_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kCases)); ++i) {
        QTest::addRow("%s", kCases[i].name) << i;
    }
}

void TestParity::matchesReference() {
    QFETCH(int, index);
    const Case& c = kCases[index];
    const cv::Mat expected = readRawArray(file(QString(c.name) + ".result.raw").toStdString());
    const cv::Mat expectedStrength =
        readRawArray(file(QString(c.name) + ".strength.raw").toStdString());
    QVERIFY(!expected.empty() && !expectedStrength.empty());

    const cv::Mat strength = session_->strengthMap(c.params);
    QCOMPARE(strength.size(), expectedStrength.size());
    const double strengthError = cv::norm(strength, expectedStrength, cv::NORM_INF);
    QVERIFY2(strengthError <= 1e-4, qPrintable(QString::number(strengthError)));

    const Image result = session_->render(c.params);
    QCOMPARE(result.rgb.size(), cv::Size(83, 61));
    QCOMPARE(result.rgb.size(), expected.size());
    const double pixelError = cv::norm(result.rgb, expected, cv::NORM_INF);
    qInfo("%s: max pixel difference %.6f (%.3f/255), strength %.2e", c.name, pixelError,
          pixelError * 255, strengthError);
    QVERIFY2(pixelError <= 2.0 / 255.0, qPrintable(QString::number(pixelError * 255)));

    // The comparison means something only if the result is not saturated.
    cv::Mat inside;
    cv::inRange(result.rgb.reshape(1), 0.02, 0.98, inside);
    const double unsaturated = cv::countNonZero(inside) / static_cast<double>(inside.total());
    qInfo("%s: %.0f%% of values unsaturated", c.name, unsaturated * 100);
    QVERIFY2(unsaturated > 0.5, "stand-in result is saturated");
}

void TestParity::depthChangesTheResult() {
    const Image plain = session_->render(kCases[0].params);
    const Image depthAware = session_->render(kCases[2].params);
    QVERIFY(cv::norm(plain.rgb, depthAware.rgb, cv::NORM_INF) > 0.05);
}

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
