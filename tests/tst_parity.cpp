// Parity with an independent eager-PyTorch reference of the paper's formulas
// (tests/tools/reference_da_adain.py) on the same stand-in weights, images
// and depth map: results within 2/255 per pixel, strength maps within 1e-4;
// also with the artist's controls (levels, invert, focus, depth edit,
// strength override), which the reference writes from the README's formulas.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>
#include <opencv2/core.hpp>

#include "depthstyle/image_io.h"
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

// The artist's controls on top of the paper's settings.
enum Controls { kLevels = 1, kInvert = 2, kFocus = 4, kEdit = 8, kOverride = 16 };

// A layer at content size (83 x 61): a grey ramp, alpha a soft disc at
// (cx, cy) fading out, so that blocks get every alpha from 0 to 1.
PaintLayer testLayer(double cx, double cy, bool dark) {
    PaintLayer layer = transparentLayer(cv::Size(83, 61));
    for (int y = 0; y < 61; ++y) {
        for (int x = 0; x < 83; ++x) {
            const double r = std::hypot(x - cx, y - cy);
            layer.alpha.at<float>(y, x) = static_cast<float>(std::clamp(1.2 - r / 25.0, 0.0, 1.0));
            layer.grey.at<float>(y, x) =
                static_cast<float>(dark ? 0.1 + 0.002 * x : 0.95 - 0.003 * y);
        }
    }
    return layer;
}

const PaintLayer& depthEditLayer() {
    static const PaintLayer layer = testLayer(20, 40, true);
    return layer;
}
const PaintLayer& overrideLayer() {
    static const PaintLayer layer = testLayer(60, 20, false);
    return layer;
}

Case withControls(const char* name, double beta, double epsilon, int controls) {
    StrengthSettings s = StrengthSettings::daAdain(beta, epsilon);
    if (controls & kLevels) {
        s.levels = DepthLevels{0.1, 0.8, 2.2, false};
    }
    s.levels.invert = (controls & kInvert) != 0;
    if (controls & kFocus) {
        s.focus = cv::Point2d(0.7, 0.4);
    }
    if (controls & kEdit) {
        s.depthEdit = std::make_shared<const PaintLayer>(depthEditLayer());
    }
    if (controls & kOverride) {
        s.strengthOverride = std::make_shared<const PaintLayer>(overrideLayer());
    }
    return {name, {s}};
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        {"adain_full", {StrengthSettings::adain(0.0)}},
        {"adain_alpha03", {StrengthSettings::adain(0.3)}},
        {"da_paper", {StrengthSettings::daAdain(20.0, 0.15)}},
        {"da_soft", {StrengthSettings::daAdain(5.0, 0.4)}},
        {"da_sharp", {StrengthSettings::daAdain(50.0, 0.0)}},
        withControls("da_levels", 20.0, 0.15, kLevels),
        withControls("da_levels_inverted", 20.0, 0.15, kLevels | kInvert),
        withControls("da_focus", 20.0, 0.15, kFocus),
        withControls("da_depth_edit", 20.0, 0.15, kEdit),
        withControls("da_override", 20.0, 0.15, kOverride),
        withControls("da_all_controls", 12.0, 0.1, kLevels | kInvert | kFocus | kEdit | kOverride),
        {"da_style_to_content",
         {StrengthSettings::daAdain(20.0, 0.15), Precision::Float32,
          ColorPreservation::StyleToContent}},
        {"da_luminance",
         {StrengthSettings::daAdain(20.0, 0.15), Precision::Float32, ColorPreservation::Luminance}},
        {"adain_luminance",
         {StrengthSettings::adain(0.0), Precision::Float32, ColorPreservation::Luminance}},
        {"da_styles_mixed",
         {StrengthSettings::daAdain(20.0, 0.15), Precision::Float32, ColorPreservation::None,
          StyleMix{StyleMix::Kind::Weights, {0.7, 0.3}}}},
        {"adain_styles_mixed",
         {StrengthSettings::adain(0.0), Precision::Float32, ColorPreservation::None,
          StyleMix{StyleMix::Kind::Weights, {1.0, 3.0}}}},
        {"da_styles_near_far",
         {StrengthSettings::daAdain(20.0, 0.15), Precision::Float32, ColorPreservation::None,
          StyleMix{StyleMix::Kind::NearFar, {}}}},
    };
    return all;
}

// A layer as the reference reads it: H x W x 2 (grey, alpha).
cv::Mat layerArray(const PaintLayer& layer) {
    cv::Mat both;
    cv::merge(std::vector<cv::Mat>{layer.grey, layer.alpha}, both);
    return both;
}

QString runSpec(const Case& c, const QString& dir) {
    const StrengthSettings& s = c.params.strength;
    QString spec = QString("%1:%2:%3:%4:%5")
                       .arg(c.name, s.method == Method::Adain ? "adain" : "da-adain")
                       .arg(s.beta)
                       .arg(s.epsilon)
                       .arg(s.alpha);
    if (s.levels != DepthLevels{0.0, 1.0, 1.0, s.levels.invert}) {
        spec +=
            QString(":levels=%1,%2,%3").arg(s.levels.black).arg(s.levels.white).arg(s.levels.gamma);
    }
    if (s.levels.invert) {
        spec += ":invert=1";
    }
    if (s.focus) {
        spec += QString(":focus=%1,%2").arg(s.focus->x).arg(s.focus->y);
    }
    if (s.depthEdit) {
        spec += ":edit=" + dir + "/edit.raw";
    }
    if (s.strengthOverride) {
        spec += ":override=" + dir + "/override.raw";
    }
    if (c.params.styles.kind == StyleMix::Kind::NearFar) {
        spec += ":nearfar=1";
    } else if (!c.params.styles.weights.empty()) {
        spec += QString(":weights=%1/%2")
                    .arg(c.params.styles.weights[0])
                    .arg(c.params.styles.weights[1]);
    }
    if (c.params.preserveColor != ColorPreservation::None) {
        spec += QString(":color=") + colorPreservationName(c.params.preserveColor);
    }
    return spec;
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
    cv::Mat second = makeContentPicture(64, 56);
    cv::flip(second, second, 1);
    QVERIFY(writePicture(file("style2.png").toStdString(), second));
    cv::Mat depth16;
    makeProximityPicture(83, 61).convertTo(depth16, CV_16U, 65535.0);
    QVERIFY(writePicture(file("depth.png").toStdString(), depth16));

    session_ = std::make_unique<Session>(standinModelFiles());
    session_->setContent(file("content.png").toStdString(), 0);
    session_->setStyle(file("style.png").toStdString(), 0);
    session_->setStyleAt(1, loadImage(file("style2.png").toStdString()), 0, "style2.png");
    session_->setDepthSource({DepthSource::Kind::File, file("depth.png").toStdString(), false});

    // The reference gets exactly the pixels and proximity the engine uses.
    QVERIFY(writeRawArray(file("content.raw").toStdString(), session_->content().rgb));
    QVERIFY(writeRawArray(file("style.raw").toStdString(), session_->style().rgb));
    QVERIFY(writeRawArray(file("style2.raw").toStdString(), session_->style(1).rgb));
    QVERIFY(writeRawArray(file("proximity.raw").toStdString(), session_->proximity()));
    QVERIFY(writeRawArray(file("edit.raw").toStdString(), layerArray(depthEditLayer())));
    QVERIFY(writeRawArray(file("override.raw").toStdString(), layerArray(overrideLayer())));
    QStringList args{"--models",    standinPublishedDir(), "--content", file("content.raw"),
                     "--style",     file("style.raw"),     "--style2",  file("style2.raw"),
                     "--proximity", file("proximity.raw"), "--out",     dir_.path()};
    for (const Case& c : cases()) {
        args << "--run" << runSpec(c, dir_.path());
    }
    const ProcessResult reference = runPythonTool("reference_da_adain.py", args);
    QVERIFY2(reference.finished && reference.exitCode == 0, qPrintable(reference.err));
}

void TestParity::matchesReference_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(cases().size()); ++i) {
        QTest::addRow("%s", cases()[size_t(i)].name) << i;
    }
}

void TestParity::matchesReference() {
    QFETCH(int, index);
    const Case& c = cases()[size_t(index)];
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
    const Image plain = session_->render(cases()[0].params);
    const Image depthAware = session_->render(cases()[2].params);
    QVERIFY(cv::norm(plain.rgb, depthAware.rgb, cv::NORM_INF) > 0.05);
    // Each control changes the strength map (so that its parity means
    // something).
    const cv::Mat paper = session_->strengthMap(cases()[2].params);
    for (size_t i = 5; i < 11; ++i) {
        const double change =
            cv::norm(session_->strengthMap(cases()[i].params), paper, cv::NORM_INF);
        QVERIFY2(change > 0.05, cases()[i].name);
    }
    // So do keeping the photo's colours, each way, and the second style.
    for (size_t i : {11, 12, 14, 16}) {
        const Image kept = session_->render(cases()[i].params);
        QVERIFY2(cv::norm(kept.rgb, depthAware.rgb, cv::NORM_INF) > 0.05, cases()[i].name);
    }
}

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
