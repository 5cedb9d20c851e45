// The opt-in bfloat16 decoder: close to float32 (PSNR >= 40 dB on stand-in
// weights), yet really a different computation; the caches and the stripes
// work the same in both precisions; and the image comparison it is judged by.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/core.hpp>

#include "depthstyle/decoder_speed.h"
#include "depthstyle/engine_error.h"
#include "depthstyle/image_compare.h"
#include "depthstyle/precision.h"
#include "depthstyle/session.h"
#include "depthstyle/threads.h"
#include "depthstyle/tiling.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

RenderParams daAdain(Precision precision) {
    RenderParams params;
    params.decoderPrecision = precision;
    return params;
}

Image uniform(cv::Size size, float value) {
    Image image;
    image.rgb = cv::Mat(size, CV_32FC3, cv::Scalar::all(value));
    return image;
}

}  // namespace

class TestPrecision : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void namesRoundTrip();
    void comparisonKnownValues();
    void comparisonRefusesDifferentSizes();
    void bf16DecodeIsCloseToFp32();
    void bf16StripesMatchWholeImage();
    void decoderSpeedIsRememberedPerProcessor();
    void decoderSpeedIsMeasuredHere();

private:
    std::string file(const QString& name) const { return dir_.filePath(name).toStdString(); }
    std::unique_ptr<Session> session(const std::string& content) const {
        return standinSession(content, file("style.png"));
    }
    QTemporaryDir dir_;
};

void TestPrecision::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(writePicture(file("content.png"), makeContentPicture(96, 72)));
    QVERIFY(writePicture(file("wide.png"), makeContentPicture(203, 141)));
    QVERIFY(writePicture(file("style.png"), makeStylePicture(64, 48)));
    qInfo("native bfloat16 on this CPU: %s", cpuHasNativeBFloat16() ? "yes" : "no (emulated)");
}

void TestPrecision::namesRoundTrip() {
    for (Precision p : {Precision::Float32, Precision::BFloat16}) {
        QCOMPARE(precisionFromName(precisionName(p)), std::optional<Precision>(p));
    }
    QCOMPARE(std::string(precisionName(Precision::BFloat16)), std::string("bf16"));
    QVERIFY(!precisionFromName("fp16").has_value());
    QVERIFY(!precisionFromName("").has_value());
}

void TestPrecision::comparisonKnownValues() {
    const cv::Size size(10, 8);
    const ImageDifference same = compareImages(uniform(size, 0.5f), uniform(size, 0.5f));
    QVERIFY(std::isinf(same.psnrFloat) && std::isinf(same.psnr8Bit));
    QCOMPARE(same.maxDifference8Bit, 0);
    // Off by 0.01 everywhere: MSE 1e-4, so 40 dB; 8-bit 128 vs 130 (0.5 and
    // 0.51 rounded), so 20 log10(255 / 2).
    const ImageDifference off = compareImages(uniform(size, 0.5f), uniform(size, 0.51f));
    QVERIFY2(std::abs(off.psnrFloat - 40.0) < 1e-3, qPrintable(QString::number(off.psnrFloat)));
    QVERIFY(std::abs(off.psnr8Bit - 20.0 * std::log10(255.0 / 2.0)) < 1e-9);
    QCOMPARE(off.maxDifference8Bit, 2);
}

void TestPrecision::comparisonRefusesDifferentSizes() {
    QVERIFY_THROWS_EXCEPTION(EngineError,
                             compareImages(uniform({4, 4}, 0.f), uniform({4, 5}, 0.f)));
}

void TestPrecision::bf16DecodeIsCloseToFp32() {
    const auto s = session(file("content.png"));
    const Image exact = s->render(daAdain(Precision::Float32));
    const Image fast = s->render(daAdain(Precision::BFloat16));
    const Image exactAgain = s->render(daAdain(Precision::Float32));
    const ImageDifference d = compareImages(exact, fast);
    qInfo("bf16 vs fp32: PSNR %.1f dB (8-bit %.1f dB), largest 8-bit difference %d", d.psnrFloat,
          d.psnr8Bit, d.maxDifference8Bit);
    QVERIFY2(std::isfinite(d.psnrFloat), "bf16 gave the fp32 result: it did not run in bf16");
    QVERIFY2(d.psnrFloat >= 40.0, qPrintable(QString::number(d.psnrFloat)));
    // Switching back gives the fp32 result again, from the same caches.
    QCOMPARE(cv::norm(exact.rgb, exactAgain.rgb, cv::NORM_INF), 0.0);
    const SessionCounters counted = s->counters();
    QCOMPARE(counted.contentEncodings, 1);
    QCOMPARE(counted.styleEncodings, 1);
    QCOMPARE(counted.decodings, 3);
}

void TestPrecision::bf16StripesMatchWholeImage() {
    const auto run = [&](double budget) {
        setStripeBudgetBytes(budget);
        return session(file("wide.png"))->render(daAdain(Precision::BFloat16));
    };
    const Image whole = run(1e12);
    const Image striped = run(1.0);  // 2-row stripes with halos everywhere
    setStripeBudgetBytes(0);
    const ImageDifference d = compareImages(whole, striped);
    qInfo("bf16 striped vs whole: PSNR %.1f dB, largest 8-bit difference %d", d.psnrFloat,
          d.maxDifference8Bit);
    // bfloat16 rounds each layer's output; stripes of other heights let
    // oneDNN accumulate in another order, so a level or two may move (the
    // mode itself is up to 3 levels from float32). A wrong halo would move
    // whole rows by far more.
    QVERIFY2(d.maxDifference8Bit <= 2, qPrintable(QString::number(d.maxDifference8Bit)));
    QVERIFY2(d.psnrFloat >= 50.0, qPrintable(QString::number(d.psnrFloat)));
}

// The cache of measurements: found by processor, threads and LibTorch;
// replaced, not duplicated; damaged lines skipped; a missing file is none.
void TestPrecision::decoderSpeedIsRememberedPerProcessor() {
    const std::string cache = file("cache/decoder-speed");
    QVERIFY(!rememberedDecoderSpeed(cache, "Test CPU", 2));
    rememberDecoderSpeed(cache, {"Test CPU", 2, 0.30, 0.20});
    rememberDecoderSpeed(cache, {"Other CPU +bf16", 2, 0.30, 0.60});
    std::optional<DecoderSpeed> found = rememberedDecoderSpeed(cache, "Test CPU", 2);
    QVERIFY(found);
    QCOMPARE(found->float32Seconds, 0.30);
    QCOMPARE(found->bfloat16Seconds, 0.20);
    QVERIFY(found->bfloat16Pays());
    QVERIFY(!rememberedDecoderSpeed(cache, "Test CPU", 4));  // another thread count
    const std::optional<DecoderSpeed> slower = rememberedDecoderSpeed(cache, "Other CPU +bf16", 2);
    QVERIFY(slower && !slower->bfloat16Pays());
    QCOMPARE(slower->speedUp(), 0.5);
    rememberDecoderSpeed(cache, {"Test CPU", 2, 0.30, 0.29});  // measured again
    found = rememberedDecoderSpeed(cache, "Test CPU", 2);
    QVERIFY(found && !found->bfloat16Pays());  // 1.03x: not worth recommending
    QFile text(QString::fromStdString(cache));
    QVERIFY(text.open(QIODevice::ReadOnly));
    QCOMPARE(text.readAll().count("Test CPU"), 1);
    text.close();
    QVERIFY(text.open(QIODevice::Append));
    text.write("garbage\n1\tx\tBroken\t-3\t1\t1\n");
    text.close();
    QVERIFY(rememberedDecoderSpeed(cache, "Other CPU +bf16", 2));
    QVERIFY(!rememberedDecoderSpeed(cache, "Broken", -3));
}

void TestPrecision::decoderSpeedIsMeasuredHere() {
    const std::shared_ptr<const Models> models = Models::load(standinModelFiles());
    const DecoderSpeed speed = measureDecoderSpeed(*models);
    QVERIFY(speed.float32Seconds > 0 && speed.bfloat16Seconds > 0);
    QCOMPARE(speed.threads, computeThreads());
    QCOMPARE(speed.processor, processorName());
    QVERIFY(!speed.processor.empty());
    QCOMPARE(QString::fromStdString(speed.processor).endsWith("+bf16"), cpuHasNativeBFloat16());
    qInfo("decoder on a 256x256 probe here: float32 %.3f s, bfloat16 %.3f s (%.2fx)",
          speed.float32Seconds, speed.bfloat16Seconds, speed.speedUp());
}

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
