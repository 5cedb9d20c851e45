// The live preview's pixel-space blend of the two cached decodes.
#include <QtTest>
#include <algorithm>
#include <opencv2/core.hpp>

#include <opencv2/imgproc.hpp>

#include "depthstyle/preview_blend.h"
#include "depthstyle/strength_map.h"

using namespace depthstyle;

namespace {

Image filled(int width, int height, float value) {
    Image image;
    image.rgb = cv::Mat(height, width, CV_32FC3, cv::Scalar::all(value));
    return image;
}

}  // namespace

class TestPreviewBlend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uniformStrengthMixesLinearly();
    void cellCentresHoldTheirCellsMix();
    void alphaComesAlong();
    void mismatchedInputsGiveNothing();
    void proxyBlendIsTheBlendScaledDown();
    void proxySizeKeepsTheAspect();
};

void TestPreviewBlend::uniformStrengthMixesLinearly() {
    const Image style = filled(20, 12, 0.2f);
    const Image content = filled(20, 12, 0.8f);
    const cv::Mat grid(2, 3, CV_32FC1, cv::Scalar(0.25));
    const Image out = previewBlend(style, content, grid);
    QCOMPARE(out.rgb.size(), cv::Size(20, 12));
    QCOMPARE(out.rgb.type(), CV_32FC3);
    cv::Mat diff;
    cv::absdiff(out.rgb, cv::Scalar::all(0.25 * 0.8 + 0.75 * 0.2), diff);
    double worst = 0;
    cv::minMaxLoc(diff.reshape(1), nullptr, &worst);
    QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
    // P = 0 is the style decode, P = 1 the content decode.
    QCOMPARE(previewBlend(style, content, cv::Mat(2, 3, CV_32FC1, cv::Scalar(0)))
                 .rgb.at<cv::Vec3f>(5, 5)[0],
             0.2f);
    QCOMPARE(previewBlend(style, content, cv::Mat(2, 3, CV_32FC1, cv::Scalar(1)))
                 .rgb.at<cv::Vec3f>(5, 5)[1],
             0.8f);
}

void TestPreviewBlend::cellCentresHoldTheirCellsMix() {
    // Style decode 0, content decode 1: the blend is P itself, bilinear
    // between cell centres (at the centres of the 8x8 blocks, source
    // coordinate (x + 0.5) / 8 - 0.5), constant beyond the outer centres.
    const Image style = filled(20, 8, 0.0f);
    const Image content = filled(20, 8, 1.0f);
    const cv::Mat grid = (cv::Mat_<float>(1, 3) << 0.1f, 0.9f, 0.3f);
    const Image out = previewBlend(style, content, grid);
    for (int x = 0; x < 20; ++x) {
        const double source = std::clamp((x + 0.5) / 8 - 0.5, 0.0, 2.0);
        const int left = std::min(static_cast<int>(source), 1);
        const double t = source - left;
        const double expected = (1 - t) * grid.at<float>(0, left) + t * grid.at<float>(0, left + 1);
        for (int y : {0, 7}) {
            QVERIFY2(std::abs(out.rgb.at<cv::Vec3f>(y, x)[1] - expected) < 1e-3,
                     qPrintable(QString("x %1: %2 != %3")
                                    .arg(x)
                                    .arg(out.rgb.at<cv::Vec3f>(y, x)[1])
                                    .arg(expected)));
        }
    }
}

void TestPreviewBlend::alphaComesAlong() {
    Image style = filled(9, 9, 0.5f);
    style.alpha = cv::Mat(9, 9, CV_32FC1, cv::Scalar(0.3));
    const Image out =
        previewBlend(style, filled(9, 9, 0.5f), cv::Mat(2, 2, CV_32FC1, cv::Scalar(0.5)));
    QVERIFY(out.hasAlpha());
    QCOMPARE(out.alpha.at<float>(8, 8), 0.3f);
}

void TestPreviewBlend::mismatchedInputsGiveNothing() {
    const cv::Mat grid(2, 3, CV_32FC1, cv::Scalar(0.5));
    QVERIFY(previewBlend(filled(20, 12, 0), filled(21, 12, 1), grid).empty());
    QVERIFY(previewBlend(filled(20, 12, 0), Image(), grid).empty());
    QVERIFY(previewBlend(filled(20, 12, 0), filled(20, 12, 1), cv::Mat()).empty());
    // A grid of another content size (a stale strength map) is refused too.
    QVERIFY(previewBlend(filled(20, 12, 0), filled(20, 12, 1), cv::Mat(3, 3, CV_32FC1)).empty());
}

void TestPreviewBlend::proxyBlendIsTheBlendScaledDown() {
    // A 160x96 picture (20x12 cells) with P rising left to right; its blend
    // at a 40x24 proxy equals the full blend scaled down, within the
    // smoothing the two samplings differ by.
    cv::Mat grid(12, 20, CV_32FC1);
    for (int x = 0; x < 20; ++x) {
        grid.col(x).setTo(x / 19.0);
    }
    const Image full = previewBlend(filled(160, 96, 0.0f), filled(160, 96, 1.0f), grid);
    const Image proxy =
        previewBlend(filled(40, 24, 0.0f), filled(40, 24, 1.0f), grid, cv::Size(160, 96));
    QCOMPARE(proxy.rgb.size(), cv::Size(40, 24));
    cv::Mat scaled;
    cv::resize(full.rgb, scaled, cv::Size(40, 24), 0, 0, cv::INTER_AREA);
    const double worst = cv::norm(proxy.rgb, scaled, cv::NORM_INF);
    QVERIFY2(worst < 0.03, qPrintable(QString::number(worst)));
    // The strength map drawn at the proxy size shows the same blocks.
    const cv::Mat blocks = strengthMapAtImageSize(grid, cv::Size(160, 96), cv::Size(40, 24));
    QCOMPARE(blocks.size(), cv::Size(40, 24));
    QCOMPARE(blocks.at<float>(0, 0), grid.at<float>(0, 0));
    QCOMPARE(blocks.at<float>(23, 39), grid.at<float>(11, 19));
    QCOMPARE(blocks.at<float>(5, 21), grid.at<float>(2, 10));  // proxy x 21 -> picture x 84
    // A proxy larger than the picture is refused.
    QVERIFY(previewBlend(filled(200, 96, 0), filled(200, 96, 1), grid, cv::Size(160, 96)).empty());
}

void TestPreviewBlend::proxySizeKeepsTheAspect() {
    QCOMPARE(previewProxySize(cv::Size(4000, 3000), 1600), cv::Size(1600, 1200));
    QCOMPARE(previewProxySize(cv::Size(3000, 4000), 1600), cv::Size(1200, 1600));
    QCOMPARE(previewProxySize(cv::Size(768, 512), 1600), cv::Size(768, 512));
}

QTEST_GUILESS_MAIN(TestPreviewBlend)
#include "tst_preview_blend.moc"
