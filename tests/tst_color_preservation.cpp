// Keeping the photo's colours (README, "Keeping the photo's colours"): the
// recoloured style has the content's colour mean and covariance, is the same
// for styles that differ by a per-channel affine map, and the luminance mode
// keeps the content's chroma. With the stand-in networks too.
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "depthstyle/color_preservation.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

// Colour pixels with a full-rank covariance (correlated channels).
cv::Mat randomColours(cv::Size size, uint64_t seed, cv::Vec3f mix) {
    cv::RNG rng(seed);
    cv::Mat rgb(size, CV_32FC3);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            const float a = rng.uniform(0.0f, 1.0f);
            const float b = rng.uniform(0.0f, 1.0f);
            const float c = rng.uniform(0.0f, 1.0f);
            rgb.at<cv::Vec3f>(y, x) =
                cv::Vec3f(a, mix[0] * a + (1 - mix[0]) * b, mix[1] * b + mix[2] * c + 0.1f * a);
        }
    }
    return rgb;
}

struct Moments {
    cv::Vec3d mean;
    cv::Matx33d covariance;
};

Moments momentsOf(const cv::Mat& rgb) {
    Moments m{cv::Vec3d(0, 0, 0), cv::Matx33d::zeros()};
    const double n = static_cast<double>(rgb.total());
    for (int y = 0; y < rgb.rows; ++y) {
        for (int x = 0; x < rgb.cols; ++x) {
            m.mean += cv::Vec3d(rgb.at<cv::Vec3f>(y, x)) / n;
        }
    }
    for (int y = 0; y < rgb.rows; ++y) {
        for (int x = 0; x < rgb.cols; ++x) {
            const cv::Vec3d d = cv::Vec3d(rgb.at<cv::Vec3f>(y, x)) - m.mean;
            for (int i = 0; i < 3; ++i) {
                for (int j = 0; j < 3; ++j) {
                    m.covariance(i, j) += d[i] * d[j] / n;
                }
            }
        }
    }
    return m;
}

cv::Vec2f chroma(const cv::Vec3f& rgb) {
    const float y = 0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2];
    return {(rgb[2] - y) / 1.772f, (rgb[0] - y) / 1.402f};
}

// k A + c per channel.
cv::Mat affine(const cv::Mat& rgb, cv::Vec3f k, cv::Vec3f c) {
    cv::Mat out = rgb.clone();
    out.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int*) {
        for (int i = 0; i < 3; ++i) {
            v[i] = k[i] * v[i] + c[i];
        }
    });
    return out;
}

}  // namespace

class TestColorPreservation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesRoundTrip();
    void recolouredStyleHasTheContentsMoments();
    void affineStylesRecolourAlike();
    void flatStyleIsHandled();
    void luminanceKeepsTheContentsChroma();
    void sessionResultsFollowTheFormulas();
};

void TestColorPreservation::namesRoundTrip() {
    for (ColorPreservation mode : {ColorPreservation::None, ColorPreservation::StyleToContent,
                                   ColorPreservation::Luminance}) {
        QCOMPARE(colorPreservationFromName(colorPreservationName(mode)), mode);
    }
    QVERIFY(!colorPreservationFromName("chroma"));
}

void TestColorPreservation::recolouredStyleHasTheContentsMoments() {
    const cv::Mat style = randomColours({40, 30}, 1, {0.5f, 0.3f, 0.6f});
    const cv::Mat content = affine(randomColours({50, 20}, 2, {0.8f, 0.7f, 0.2f}),
                                   {0.6f, 0.9f, 0.5f}, {0.3f, 0.0f, 0.2f});
    const Moments want = momentsOf(content);
    const Moments got = momentsOf(matchColorStatistics(style, content));
    QVERIFY(cv::norm(got.mean - want.mean, cv::NORM_INF) < 1e-5);
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            QVERIFY2(std::abs(got.covariance(i, j) - want.covariance(i, j)) < 1e-5,
                     qPrintable(QString("%1,%2").arg(i).arg(j)));
        }
    }
    // Not a no-op: the style's own moments were different.
    QVERIFY(cv::norm(momentsOf(style).mean - want.mean, cv::NORM_INF) > 0.01);
}

void TestColorPreservation::affineStylesRecolourAlike() {
    const cv::Mat a = randomColours({40, 30}, 3, {0.4f, 0.5f, 0.5f});
    const cv::Mat b = affine(a, {0.5f, 2.0f, 0.8f}, {0.2f, -0.3f, 0.05f});
    const cv::Mat content = randomColours({33, 21}, 4, {0.2f, 0.9f, 0.1f});
    const cv::Mat ra = matchColorStatistics(a, content);
    const cv::Mat rb = matchColorStatistics(b, content);
    QVERIFY2(cv::norm(ra, rb, cv::NORM_INF) < 1e-4,
             qPrintable(QString::number(cv::norm(ra, rb, cv::NORM_INF))));
}

void TestColorPreservation::flatStyleIsHandled() {
    const cv::Mat flat(10, 10, CV_32FC3, cv::Scalar(0.3, 0.3, 0.3));
    const cv::Mat content = randomColours({20, 20}, 5, {0.5f, 0.5f, 0.5f});
    const cv::Mat out = matchColorStatistics(flat, content);
    QVERIFY(cv::checkRange(out));
    // A flat style stays flat, moved to the content's mean.
    const Moments m = momentsOf(out);
    QVERIFY(cv::norm(m.mean - momentsOf(content).mean, cv::NORM_INF) < 1e-5);
}

void TestColorPreservation::luminanceKeepsTheContentsChroma() {
    cv::Mat result = randomColours({30, 20}, 6, {0.3f, 0.3f, 0.3f});
    const cv::Mat original = result.clone();
    const cv::Mat content = randomColours({30, 20}, 7, {0.7f, 0.4f, 0.4f});
    keepContentChroma(result, content);
    int checked = 0;
    for (int y = 0; y < result.rows; ++y) {
        for (int x = 0; x < result.cols; ++x) {
            const cv::Vec3f r = result.at<cv::Vec3f>(y, x);
            if (std::min({r[0], r[1], r[2]}) <= 0.0f || std::max({r[0], r[1], r[2]}) >= 1.0f) {
                continue;  // clipped: the formula's value lay outside sRGB
            }
            ++checked;
            QVERIFY(cv::norm(chroma(r) - chroma(content.at<cv::Vec3f>(y, x))) < 1e-5);
            const cv::Vec3f o = original.at<cv::Vec3f>(y, x);
            QVERIFY(std::abs((0.299f * r[0] + 0.587f * r[1] + 0.114f * r[2]) -
                             (0.299f * o[0] + 0.587f * o[1] + 0.114f * o[2])) < 1e-5);
        }
    }
    QVERIFY(checked > int(result.total()) / 2);
}

void TestColorPreservation::sessionResultsFollowTheFormulas() {
    QTemporaryDir dir;
    const auto file = [&](const char* name) { return dir.filePath(name).toStdString(); };
    QVERIFY(writePicture(file("content.png"), makeContentPicture(64, 48)));
    // Two styles that differ by a per-channel affine map, in 16-bit so that
    // rounding does not break it: the same result with style-to-content.
    cv::Mat a16;
    randomColours({48, 40}, 8, {0.5f, 0.4f, 0.5f}).convertTo(a16, CV_16UC3, 30000.0, 1000.0);
    cv::Mat b16;
    randomColours({48, 40}, 8, {0.5f, 0.4f, 0.5f}).convertTo(b16, CV_16UC3, 60000.0, 3000.0);
    QVERIFY(writePicture(file("a.png"), a16));
    QVERIFY(writePicture(file("b.png"), b16));
    Session session(standinModelFiles());
    session.setContent(file("content.png"), 0);
    RenderParams params;
    params.preserveColor = ColorPreservation::StyleToContent;
    session.setStyle(file("a.png"), 0);
    const Image fromA = session.render(params);
    const Image plainA = session.render({});
    session.setStyle(file("b.png"), 0);
    const Image fromB = session.render(params);
    const Image plainB = session.render({});
    const double recoloured = cv::norm(fromA.rgb, fromB.rgb, cv::NORM_INF);
    QVERIFY2(recoloured <= 1.0 / 255, qPrintable(QString::number(recoloured * 255)));
    QVERIFY(cv::norm(plainA.rgb, plainB.rgb, cv::NORM_INF) > 10.0 / 255);  // without: apart
    // Luminance: the result's chroma is the content's.
    params.preserveColor = ColorPreservation::Luminance;
    const Image kept = session.render(params);
    const cv::Mat& content = session.content().rgb;
    int checked = 0;
    for (int y = 0; y < kept.rgb.rows; ++y) {
        for (int x = 0; x < kept.rgb.cols; ++x) {
            const cv::Vec3f r = kept.rgb.at<cv::Vec3f>(y, x);
            if (std::min({r[0], r[1], r[2]}) > 0.0f && std::max({r[0], r[1], r[2]}) < 1.0f) {
                ++checked;
                QVERIFY(cv::norm(chroma(r) - chroma(content.at<cv::Vec3f>(y, x))) < 1e-5);
            }
        }
    }
    QVERIFY(checked > int(kept.rgb.total()) / 2);
}

QTEST_GUILESS_MAIN(TestColorPreservation)
#include "tst_color_preservation.moc"
