// The artist's controls on the strength map, one formula at a time: depth
// levels and invert, the depth edit, the focus depth and the strength
// override (README, "Artist controls"), and the painted layers' files.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/core.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/paint_layer.h"
#include "depthstyle/paint_stroke.h"
#include "depthstyle/strength_map.h"
#include "synthetic_images.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

// A 64 x 8 proximity ramp: one feature row of 8 cells, cell i holding the
// mean of x = 8i .. 8i+7.
cv::Mat ramp() {
    cv::Mat p(8, 64, CV_32FC1);
    for (int y = 0; y < p.rows; ++y) {
        for (int x = 0; x < p.cols; ++x) {
            p.at<float>(y, x) = static_cast<float>(x);
        }
    }
    return p;
}

PaintLayer flatLayer(cv::Size size, float grey, float alpha) {
    return {cv::Mat(size, CV_32FC1, cv::Scalar(grey)), cv::Mat(size, CV_32FC1, cv::Scalar(alpha))};
}

}  // namespace

class TestArtistControls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identityLevelsKeepTheProximity();
    void levelsFollowTheFormula();
    void invertTurnsNearToFar();
    void rejectsBadLevels();
    void depthEditPaintsTheNormalisedProximity();
    void focusIsKeptMostAndFallsOffBothWays();
    void focusOnAFlatMap();
    void overrideKeepsContentPastTheCap();
    void overrideAveragesEachBlock();
    void plainAdainIgnoresTheControls();
    void basisRecomputesOnlyWhatChanged();
    void layersRoundTripThroughPng();
    void layerFilesReadGreyAndColour();
    void badLayerFileIsNamed();
    void brushCoverageFollowsHardness();
    void strokeNeverExceedsItsOpacity();
    void strokeCompositesOverTheLayer();
    void eraserTakesPaintAway();
};

void TestArtistControls::identityLevelsKeepTheProximity() {
    const cv::Mat p = ramp();
    const cv::Mat same = adjustedProximity(p, DepthLevels{}, nullptr);
    QCOMPARE(same.data, p.data);  // not even a copy: the paper's input bit for bit
}

void TestArtistControls::levelsFollowTheFormula() {
    const cv::Mat p = ramp();  // normalised: x / 63
    const DepthLevels levels{0.2, 0.7, 2.0, false};
    const cv::Mat out = adjustedProximity(p, levels, nullptr);
    for (int x = 0; x < 64; ++x) {
        const double q = x / 63.0;
        const double expected = std::pow(std::clamp((q - 0.2) / 0.5, 0.0, 1.0), 1.0 / 2.0);
        QVERIFY2(std::abs(out.at<float>(3, x) - expected) < 1e-6, qPrintable(QString::number(x)));
    }
}

void TestArtistControls::invertTurnsNearToFar() {
    const cv::Mat p = ramp();
    const cv::Mat out = adjustedProximity(p, DepthLevels{0.0, 1.0, 1.0, true}, nullptr);
    QVERIFY(std::abs(out.at<float>(0, 0) - 1.0f) < 1e-7);
    QVERIFY(std::abs(out.at<float>(0, 63)) < 1e-7);
    // Inverting the depth mirrors the strength map: the far cells are kept.
    const cv::Mat grid = proximityOnFeatureGrid(out);
    const cv::Mat strength = strengthMap(grid, StrengthSettings::daAdain(20, 0.15));
    QVERIFY(strength.at<float>(0, 0) > strength.at<float>(0, 7));
}

void TestArtistControls::rejectsBadLevels() {
    for (const DepthLevels& bad : {DepthLevels{0.5, 0.5, 1, false}, DepthLevels{-0.1, 1, 1, false},
                                   DepthLevels{0, 1.1, 1, false}, DepthLevels{0, 1, 0, false},
                                   DepthLevels{0, 1, std::nan(""), false}}) {
        StrengthSettings s;
        s.levels = bad;
        QVERIFY_THROWS_EXCEPTION(EngineError, validate(s));
        QVERIFY_THROWS_EXCEPTION(EngineError, adjustedProximity(ramp(), bad, nullptr));
    }
    StrengthSettings outside;
    outside.focus = cv::Point2d(1.2, 0.5);
    QVERIFY_THROWS_EXCEPTION(EngineError, validate(outside));
}

void TestArtistControls::depthEditPaintsTheNormalisedProximity() {
    const cv::Mat p = ramp();
    // Alpha 1 on the left half (white: nearest), 0.25 on the right (black).
    PaintLayer edit = transparentLayer(p.size());
    edit.grey.colRange(0, 32).setTo(1.0);
    edit.alpha.colRange(0, 32).setTo(1.0);
    edit.alpha.colRange(32, 64).setTo(0.25);
    const cv::Mat out = adjustedProximity(p, DepthLevels{}, &edit);
    QCOMPARE(out.at<float>(2, 5), 1.0f);
    const double q = 50 / 63.0;
    QVERIFY(std::abs(out.at<float>(2, 50) - q * 0.75) < 1e-6);
    // A layer at another size is resized to the content first.
    const PaintLayer half = layerAtSize(edit, cv::Size(32, 4));
    const cv::Mat resized = adjustedProximity(p, DepthLevels{}, &half);
    QCOMPARE(resized.at<float>(2, 5), 1.0f);
}

void TestArtistControls::focusIsKeptMostAndFallsOffBothWays() {
    const cv::Mat grid = proximityOnFeatureGrid(ramp());  // 8 cells, normalised i / 7
    StrengthSettings s = StrengthSettings::daAdain(10.0, 0.0);
    s.focus = cv::Point2d(36.0 / 64.0, 0.5);  // pixel 36: cell 4
    const cv::Mat strength = strengthMap(grid, s, cv::Size(64, 8));
    const auto at = [&](int i) { return strength.at<float>(0, i); };
    for (int i = 0; i < 8; ++i) {
        QVERIFY2(at(4) >= at(i), qPrintable(QString::number(i)));
    }
    for (int i = 4; i < 7; ++i) {
        QVERIFY(at(i) >= at(i + 1));  // behind the focus
    }
    for (int i = 4; i > 0; --i) {
        QVERIFY(at(i) >= at(i - 1));  // in front of it
    }
    // The formula: c = 1 - |q - q_f| / max|q - q_f|, then steps 5-7 on c.
    std::vector<double> c;
    for (int i = 0; i < 8; ++i) {
        c.push_back(1.0 - std::abs(i / 7.0 - 4 / 7.0) / (4 / 7.0));
    }
    double mean = 0.0;
    for (double v : c) {
        mean += v / 8.0;
    }
    for (int i = 0; i < 8; ++i) {
        QVERIFY(std::abs(at(i) - 1.0 / (1.0 + std::exp(-10.0 * (c[size_t(i)] - mean)))) < 1e-6);
    }
    // The chart's frame gives the same curve.
    const StrengthFrame frame = strengthFrame(grid, s, cv::Size(64, 8));
    QVERIFY(frame.focusProximity && std::abs(*frame.focusProximity - 4 / 7.0) < 1e-12);
    QVERIFY(std::abs(strengthAt(2 / 7.0, frame, s) - at(2)) < 1e-6);
}

void TestArtistControls::focusOnAFlatMap() {
    const cv::Mat flat(2, 3, CV_32FC1, cv::Scalar(4));
    StrengthSettings s = StrengthSettings::daAdain(20, 0.15);
    s.focus = cv::Point2d(0.5, 0.5);
    const cv::Mat strength = strengthMap(flat, s);
    QCOMPARE(cv::countNonZero(strength != 0.5f), 0);
}

void TestArtistControls::overrideKeepsContentPastTheCap() {
    const cv::Mat p = ramp();
    StrengthSettings s = StrengthSettings::daAdain(20, 0.4);  // P at most 0.6
    s.strengthOverride =
        std::make_shared<const PaintLayer>(flatLayer(p.size(), 1.0f, 1.0f));  // all white
    StrengthBasis basis;
    basis.setProximity(p);
    const cv::Mat kept = basis.strength(s);
    QCOMPARE(cv::countNonZero(kept != 1.0f), 0);
    // Transparent: Algorithm 1's P, bit for bit.
    s.strengthOverride = std::make_shared<const PaintLayer>(transparentLayer(p.size()));
    const cv::Mat untouched = basis.strength(s);
    const cv::Mat paper =
        strengthMap(proximityOnFeatureGrid(p), StrengthSettings::daAdain(20, 0.4));
    QCOMPARE(cv::norm(untouched, paper, cv::NORM_INF), 0.0);
}

void TestArtistControls::overrideAveragesEachBlock() {
    // One 8x8 block: half of it black at alpha 1, half transparent.
    PaintLayer layer = transparentLayer(cv::Size(8, 8));
    layer.alpha.colRange(0, 4).setTo(1.0);
    const cv::Mat grid = layerOnFeatureGrid(layer, cv::Size(8, 8));
    QCOMPARE(grid.at<cv::Vec2f>(0, 0), cv::Vec2f(0.5f, 0.0f));
    cv::Mat strength(1, 1, CV_32FC1, cv::Scalar(0.8));
    applyLayerOnGrid(strength, grid);
    QVERIFY(std::abs(strength.at<float>(0, 0) - 0.4f) < 1e-7);  // mean of 0 and 0.8
}

void TestArtistControls::plainAdainIgnoresTheControls() {
    StrengthSettings s = StrengthSettings::adain(0.3);
    s.focus = cv::Point2d(0.1, 0.1);
    s.strengthOverride = std::make_shared<const PaintLayer>(flatLayer({64, 8}, 1.0f, 1.0f));
    StrengthBasis basis;
    basis.setProximity(ramp());
    QCOMPARE(cv::countNonZero(basis.strength(s) != 0.3f), 0);
}

void TestArtistControls::basisRecomputesOnlyWhatChanged() {
    StrengthBasis basis;
    basis.setProximity(ramp());
    StrengthSettings s = StrengthSettings::daAdain(20, 0.15);
    s.levels = DepthLevels{0.1, 0.9, 1.5, false};
    basis.update(s);
    const uchar* grid = basis.gridProximity().data;
    s.beta = 5;
    s.focus = cv::Point2d(0.2, 0.2);
    basis.update(s);
    QCOMPARE(basis.gridProximity().data, grid);  // beta and focus: steps 4-7 only
    s.levels.invert = true;
    basis.update(s);
    QVERIFY(basis.gridProximity().data != grid);
    const cv::Mat expected = proximityOnFeatureGrid(adjustedProximity(ramp(), s.levels, nullptr));
    QCOMPARE(cv::norm(basis.gridProximity(), expected, cv::NORM_INF), 0.0);
}

void TestArtistControls::layersRoundTripThroughPng() {
    QTemporaryDir dir;
    PaintLayer layer = transparentLayer(cv::Size(37, 21));
    cv::randu(layer.grey, 0.0f, 1.0f);
    cv::randu(layer.alpha, 0.0f, 1.0f);
    const std::string path = dir.filePath("layer.png").toStdString();
    savePaintLayer(path, layer);
    const PaintLayer back = loadPaintLayer(path);
    QCOMPARE(back.size(), layer.size());
    QVERIFY(cv::norm(back.grey, layer.grey, cv::NORM_INF) <= 0.5 / 65535 + 1e-6);
    QVERIFY(cv::norm(back.alpha, layer.alpha, cv::NORM_INF) <= 0.5 / 65535 + 1e-6);
    QVERIFY(paintsAnything(back));
    QVERIFY(!paintsAnything(transparentLayer(cv::Size(3, 3))));
}

void TestArtistControls::layerFilesReadGreyAndColour() {
    QTemporaryDir dir;
    // 8-bit grey without alpha: opaque.
    const std::string grey = dir.filePath("grey.png").toStdString();
    QVERIFY(writePicture(grey, cv::Mat(4, 5, CV_8UC1, cv::Scalar(51))));
    const PaintLayer g = loadPaintLayer(grey);
    QVERIFY(std::abs(g.grey.at<float>(1, 1) - 0.2f) < 1e-6);
    QCOMPARE(g.alpha.at<float>(1, 1), 1.0f);
    // Colour with alpha: BT.601 luma of pure red is 0.299.
    const std::string colour = dir.filePath("colour.png").toStdString();
    QVERIFY(writePicture(colour, cv::Mat(4, 5, CV_8UC4, cv::Scalar(0, 0, 255, 128))));
    const PaintLayer c = loadPaintLayer(colour);
    QVERIFY(std::abs(c.grey.at<float>(0, 0) - 0.299f) < 1e-5);
    QVERIFY(std::abs(c.alpha.at<float>(0, 0) - 128 / 255.0f) < 1e-6);
}

void TestArtistControls::badLayerFileIsNamed() {
    QTemporaryDir dir;
    const QString path = dir.filePath("not-a-layer.png");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("no picture here");
    f.close();
    try {
        loadPaintLayer(path.toStdString());
        QFAIL("no error");
    } catch (const EngineError& e) {
        QVERIFY2(QString(e.what()).contains("not-a-layer.png"), e.what());
    }
}

void TestArtistControls::brushCoverageFollowsHardness() {
    Brush b;
    b.size = 20;  // radius 10
    b.hardness = 0.5;
    b.opacity = 0.8;
    QCOMPARE(brushCoverage(b, 0.0), 0.8);
    QCOMPARE(brushCoverage(b, 5.0), 0.8);                    // the hard core
    QVERIFY(std::abs(brushCoverage(b, 7.5) - 0.4) < 1e-12);  // halfway down the rim
    QCOMPARE(brushCoverage(b, 10.0), 0.0);
    QCOMPARE(brushCoverage(b, 30.0), 0.0);
}

void TestArtistControls::strokeNeverExceedsItsOpacity() {
    Brush b;
    b.size = 10;
    b.hardness = 1.0;
    b.opacity = 0.4;
    PaintStroke stroke(transparentLayer(cv::Size(40, 20)), b);
    for (int pass = 0; pass < 5; ++pass) {  // back and forth over one spot
        stroke.moveTo({5, 10});
        stroke.moveTo({35, 10});
    }
    const PaintLayer out = stroke.result();
    double maxAlpha = 0.0;
    cv::minMaxLoc(out.alpha, nullptr, &maxAlpha);
    QVERIFY(std::abs(maxAlpha - 0.4) < 1e-6);
    QCOMPARE(out.alpha.at<float>(0, 0), 0.0f);  // outside the stroke
    QVERIFY(stroke.touched().contains({20, 10}));
}

void TestArtistControls::strokeCompositesOverTheLayer() {
    // Black at alpha 0.5 under a white stroke of coverage 0.5:
    // a' = 0.5 + 0.5 * 0.5 = 0.75, g' = (1 * 0.5 + 0 * 0.5 * 0.5) / 0.75.
    PaintLayer base = flatLayer({9, 9}, 0.0f, 0.5f);
    Brush b;
    b.size = 100;
    b.hardness = 1.0;
    b.opacity = 0.5;
    b.grey = 1.0f;
    PaintStroke stroke(base, b);
    stroke.dabAt({4.5, 4.5});
    const PaintLayer out = stroke.result();
    QVERIFY(std::abs(out.alpha.at<float>(4, 4) - 0.75f) < 1e-6);
    QVERIFY(std::abs(out.grey.at<float>(4, 4) - 0.5f / 0.75f) < 1e-6);
    // The stroke leaves the layer it started from as it was.
    QCOMPARE(base.alpha.at<float>(4, 4), 0.5f);
}

void TestArtistControls::eraserTakesPaintAway() {
    Brush b;
    b.size = 100;
    b.hardness = 1.0;
    b.opacity = 1.0;
    b.erase = true;
    PaintStroke stroke(flatLayer({6, 6}, 0.7f, 0.9f), b);
    stroke.dabAt({3, 3});
    const PaintLayer out = stroke.result();
    QCOMPARE(cv::countNonZero(out.alpha), 0);
    QVERIFY(!paintsAnything(out));
    // Quantising to the file's 16-bit steps: a saved and loaded layer reads
    // back exactly.
    PaintLayer layer = flatLayer({5, 4}, 0.123456f, 0.654321f);
    quantiseLayer(layer);
    QTemporaryDir dir;
    const std::string path = dir.filePath("q.png").toStdString();
    savePaintLayer(path, layer);
    const PaintLayer back = loadPaintLayer(path);
    QCOMPARE(cv::norm(back.grey, layer.grey, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(back.alpha, layer.alpha, cv::NORM_INF), 0.0);
}

QTEST_GUILESS_MAIN(TestArtistControls)
#include "tst_artist_controls.moc"
