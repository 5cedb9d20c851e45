// Algorithm 1 (Kitov et al. 2020) on hand-computed cases.
#include <QtTest>
#include <cmath>
#include <opencv2/core.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/strength_map.h"

using namespace depthstyle;

Q_DECLARE_METATYPE(cv::Mat)

namespace {

cv::Mat row(std::initializer_list<float> values) {
    cv::Mat m(1, static_cast<int>(values.size()), CV_32FC1);
    int i = 0;
    for (float v : values) {
        m.at<float>(0, i++) = v;
    }
    return m;
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

}  // namespace

class TestStrengthMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void algorithm1_data();
    void algorithm1();
    void flatMapGivesHalf();
    void offsetOneGivesZero();
    void rejectsBadParameters();
    void distanceBecomesProximity();
    void blockAverageOnFeatureGrid();
    void imageSizeBlocksHoldCellValues();
    void plainAdainIsUniformAlpha();
    void chartCurveIsTheMapsFunction();
    void profileSharesAndMean();
};

void TestStrengthMap::algorithm1_data() {
    QTest::addColumn<cv::Mat>("grid");
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<QList<double>>("expected");

    // Two levels 0 and 1: normalised [0,1], mean 0.5, centred [-0.5, 0.5].
    QTest::addRow("two levels, paper defaults")
        << row({0.f, 1.f}) << 20.0 << 0.15 << QList<double>{sigmoid(-10.0), 0.85};
    QTest::addRow("two levels, epsilon 0")
        << row({0.f, 1.f}) << 20.0 << 0.0 << QList<double>{sigmoid(-10.0), sigmoid(10.0)};
    // Raw values 2, 2, 5 -> normalised 0, 0, 1 -> mean 1/3 -> -1/3, -1/3, 2/3.
    QTest::addRow("uneven two levels, beta 3")
        << row({2.f, 2.f, 5.f}) << 3.0 << 0.0
        << QList<double>{sigmoid(-1.0), sigmoid(-1.0), sigmoid(2.0)};
    // Three levels 0, 1, 2 -> 0, 0.5, 1 -> mean 0.5 -> -0.5, 0, 0.5; beta 4.
    QTest::addRow("three levels, ceiling 0.7")
        << row({0.f, 1.f, 2.f}) << 4.0 << 0.3 << QList<double>{sigmoid(-2.0), 0.5, 0.7};
    // beta 0 makes the map constant: plain AdaIN with alpha 0.5.
    QTest::addRow("beta 0") << row({0.f, 3.f, 7.f}) << 0.0 << 0.0 << QList<double>{0.5, 0.5, 0.5};
    QTest::addRow("beta 0, epsilon 0.6")
        << row({0.f, 3.f, 7.f}) << 0.0 << 0.6 << QList<double>{0.4, 0.4, 0.4};
}

void TestStrengthMap::algorithm1() {
    QFETCH(cv::Mat, grid);
    QFETCH(double, beta);
    QFETCH(double, epsilon);
    QFETCH(QList<double>, expected);
    const cv::Mat p = strengthMap(grid, StrengthSettings::daAdain(beta, epsilon));
    QCOMPARE(p.type(), CV_32FC1);
    QCOMPARE(p.cols, static_cast<int>(expected.size()));
    for (int i = 0; i < p.cols; ++i) {
        QVERIFY2(std::abs(p.at<float>(0, i) - expected[i]) < 1e-6,
                 qPrintable(
                     QString("cell %1: %2 != %3").arg(i).arg(p.at<float>(0, i)).arg(expected[i])));
    }
}

void TestStrengthMap::flatMapGivesHalf() {
    const cv::Mat flat(3, 4, CV_32FC1, cv::Scalar(0.42));
    const cv::Mat p = strengthMap(flat, StrengthSettings::daAdain(20.0, 0.15));
    QCOMPARE(cv::countNonZero(p != 0.5f), 0);
    // The 1 - epsilon ceiling still applies.
    const cv::Mat capped = strengthMap(flat, StrengthSettings::daAdain(20.0, 0.8));
    QVERIFY(std::abs(capped.at<float>(1, 1) - 0.2f) < 1e-6f);
}

void TestStrengthMap::offsetOneGivesZero() {
    const cv::Mat p = strengthMap(row({0.f, 0.3f, 1.f}), StrengthSettings::daAdain(20.0, 1.0));
    QCOMPARE(cv::countNonZero(p), 0);
}

void TestStrengthMap::rejectsBadParameters() {
    const cv::Mat grid = row({0.f, 1.f});
    for (const StrengthSettings& bad :
         {StrengthSettings::daAdain(-1.0, 0.1), StrengthSettings::daAdain(1.0, -0.1),
          StrengthSettings::daAdain(1.0, 1.5), StrengthSettings::daAdain(NAN, 0.1),
          StrengthSettings::adain(-0.1), StrengthSettings::adain(1.5),
          StrengthSettings::adain(NAN)}) {
        try {
            strengthMap(grid, bad);
            QFAIL("no error for a bad parameter");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
        }
    }
}

void TestStrengthMap::distanceBecomesProximity() {
    const cv::Mat p = proximityFromDistance(row({1.f, 3.f, 2.f}));
    QCOMPARE(p.at<float>(0, 0), 2.f);
    QCOMPARE(p.at<float>(0, 1), 0.f);
    QCOMPARE(p.at<float>(0, 2), 1.f);
}

void TestStrengthMap::blockAverageOnFeatureGrid() {
    // 10 wide, 9 high: a 2x2 grid whose right column and bottom row are
    // partial blocks. Value = column index + 100 * row index.
    cv::Mat proximity(9, 10, CV_32FC1);
    for (int y = 0; y < 9; ++y) {
        for (int x = 0; x < 10; ++x) {
            proximity.at<float>(y, x) = static_cast<float>(x + 100 * y);
        }
    }
    const cv::Mat grid = proximityOnFeatureGrid(proximity);
    QCOMPARE(grid.rows, 2);
    QCOMPARE(grid.cols, 2);
    QCOMPARE(grid.at<float>(0, 0), 3.5f + 350.f);  // x 0..7, y 0..7
    QCOMPARE(grid.at<float>(0, 1), 8.5f + 350.f);  // x 8..9
    QCOMPARE(grid.at<float>(1, 0), 3.5f + 800.f);  // y 8 only
    QCOMPARE(grid.at<float>(1, 1), 8.5f + 800.f);
}

void TestStrengthMap::imageSizeBlocksHoldCellValues() {
    const cv::Mat grid = (cv::Mat_<float>(2, 2) << 0.1f, 0.2f, 0.3f, 0.4f);
    const cv::Mat full = strengthMapAtImageSize(grid, cv::Size(10, 9));
    QCOMPARE(full.size(), cv::Size(10, 9));
    QCOMPARE(full.at<float>(7, 7), 0.1f);
    QCOMPARE(full.at<float>(0, 8), 0.2f);
    QCOMPARE(full.at<float>(8, 0), 0.3f);
    QCOMPARE(full.at<float>(8, 9), 0.4f);
}

void TestStrengthMap::plainAdainIsUniformAlpha() {
    const cv::Mat p = strengthMap(row({0.f, 0.3f, 1.f}), StrengthSettings::adain(0.3));
    QCOMPARE(p.size(), cv::Size(3, 1));
    QCOMPARE(cv::countNonZero(p != 0.3f), 0);
}

void TestStrengthMap::chartCurveIsTheMapsFunction() {
    // Raw 1, 3, 5, 9 -> normalised 0, 0.25, 0.5, 1 -> mean 0.4375.
    const cv::Mat grid = row({1.f, 3.f, 5.f, 9.f});
    const StrengthSettings settings = StrengthSettings::daAdain(6.0, 0.2);
    const ProximityProfile profile = proximityProfile(grid, 4);
    QCOMPARE(profile.mean, 0.4375);
    QCOMPARE(profile.shares, (std::vector<double>{0.25, 0.25, 0.25, 0.25}));
    // 5 points over [0,1] include each cell's normalised value.
    const StrengthCurve curve =
        strengthCurve(StrengthFrame{profile.mean, std::nullopt, 0.0}, settings, 5);
    QCOMPARE(curve.proximity, (std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0}));
    const cv::Mat p = strengthMap(grid, settings);
    const int cellPoint[] = {0, 1, 2, 4};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(std::abs(p.at<float>(0, i) - curve.strength[cellPoint[i]]) < 1e-6);
    }
    QCOMPARE(curve.strength[4], 0.8);  // the 1 - epsilon ceiling
    QVERIFY(curve.strength[0] < curve.strength[1]);
    const StrengthCurve plain = strengthCurve(StrengthFrame{profile.mean, std::nullopt, 0.0},
                                              StrengthSettings::adain(0.6), 3);
    QCOMPARE(plain.strength, (std::vector<double>{0.6, 0.6, 0.6}));
}

void TestStrengthMap::profileSharesAndMean() {
    // Normalised 0, 0, 0.5, 1: two cells in the first of two bins, the
    // half and the maximum in the last.
    const ProximityProfile profile = proximityProfile(row({2.f, 2.f, 4.f, 6.f}), 2);
    QCOMPARE(profile.shares, (std::vector<double>{0.5, 0.5}));
    QCOMPARE(profile.mean, 0.375);
    const ProximityProfile flat = proximityProfile(cv::Mat(2, 2, CV_32FC1, cv::Scalar(3)), 3);
    QCOMPARE(flat.shares, (std::vector<double>{1.0, 0.0, 0.0}));
    QCOMPARE(flat.mean, 0.0);
    QVERIFY(proximityProfile(cv::Mat(), 3).shares.empty());
}

QTEST_GUILESS_MAIN(TestStrengthMap)
#include "tst_strength_map.moc"
