// The stacks' convolutions with weights packed once for oneDNN and the ReLU
// inside the convolution: the same values as at::conv2d followed by relu_,
// at the size they were packed for and at every later size, in float32 and
// bfloat16, when two threads make the first call together.
#include <ATen/ATen.h>

#include <QtTest>
#include <thread>
#include <vector>

#include "packed_conv.h"

using depthstyle::PackedConvolution;
using depthstyle::plainConvolution;

namespace {

at::Tensor channelsLast(const at::Tensor& t) {
    return t.contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor input(int64_t channels, int64_t height, int64_t width, at::ScalarType type) {
    return channelsLast(at::randn({1, channels, height, width}).to(type));
}

bool identical(const at::Tensor& a, const at::Tensor& b) {
    return a.sizes() == b.sizes() && a.scalar_type() == b.scalar_type() && at::equal(a, b);
}

// at::conv2d leaves oneDNN for its own kernel on small float inputs (at
// most 20480 values, batch 1): there the results differ in rounding.
bool close(const at::Tensor& a, const at::Tensor& b) {
    return a.sizes() == b.sizes() && at::allclose(a.to(at::kFloat), b.to(at::kFloat), 1e-5, 1e-5);
}

}  // namespace

class TestPackedConv : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameValuesAsPlain_data();
    void sameValuesAsPlain();
    void firstCallFromTwoThreads();
};

void TestPackedConv::initTestCase() {
    at::manual_seed(7);
    // Debian's LibTorch has them; without them every test below would only
    // compare the plain path with itself.
    QVERIFY2(depthstyle::packedConvolutionAvailable(),
             "LibTorch lacks mkldnn_prepacked::conv2d_prepack and conv2d_run");
}

void TestPackedConv::sameValuesAsPlain_data() {
    QTest::addColumn<int>("inChannels");
    QTest::addColumn<int>("outChannels");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<bool>("relu");
    QTest::addColumn<bool>("bfloat16");
    QTest::addRow("3x3, 64 to 64, ReLU") << 64 << 64 << 3 << true << false;
    QTest::addRow("3x3, 64 to 3, nothing after") << 64 << 3 << 3 << false << false;
    QTest::addRow("3x3, 128 to 256, ReLU, bfloat16") << 128 << 256 << 3 << true << true;
    QTest::addRow("3x3, 3 to 64 (unpacked), ReLU") << 3 << 64 << 3 << true << false;
    QTest::addRow("1x1, 3 to 3 (unpacked)") << 3 << 3 << 1 << false << false;
    QTest::addRow("1x1, 32 to 48, ReLU") << 32 << 48 << 1 << true << false;
}

void TestPackedConv::sameValuesAsPlain() {
    QFETCH(int, inChannels);
    QFETCH(int, outChannels);
    QFETCH(int, kernel);
    QFETCH(bool, relu);
    QFETCH(bool, bfloat16);
    const at::ScalarType type = bfloat16 ? at::kBFloat16 : at::kFloat;
    const at::Tensor weight =
        channelsLast(at::randn({outChannels, inChannels, kernel, kernel}).to(type));
    const at::Tensor bias = at::randn({outChannels}).to(type);
    const PackedConvolution packed(weight, bias, relu);
    // The first call packs for its size; the later ones (a shorter stripe,
    // another width, a tiny image's deepest layer) reuse those weights.
    for (const auto& [height, width] :
         std::vector<std::pair<int64_t, int64_t>>{{20, 70}, {20, 70}, {7, 70}, {12, 45}, {3, 3}}) {
        const at::Tensor x = input(inChannels, height, width, type);
        const at::Tensor got = packed(x);
        const at::Tensor expected = plainConvolution(x, weight, bias, relu);
        const QByteArray where = QString("at %1x%2").arg(width).arg(height).toUtf8();
        QVERIFY2(got.is_contiguous(at::MemoryFormat::ChannelsLast), where.constData());
        if (height == 3) {
            QVERIFY2(close(got, expected), where.constData());
            continue;
        }
        QVERIFY2(identical(got, expected), where.constData());
        // The ReLU happened, or not.
        QCOMPARE(got.min().item<float>() >= 0.0F, relu);
    }
}

void TestPackedConv::firstCallFromTwoThreads() {
    const at::Tensor weight = channelsLast(at::randn({64, 64, 3, 3}));
    const at::Tensor bias = at::randn({64});
    const PackedConvolution packed(weight, bias, true);
    const at::Tensor x = input(64, 16, 40, at::kFloat);
    const at::Tensor expected = plainConvolution(x, weight, bias, true);
    at::Tensor results[2];
    std::thread other([&] { results[1] = packed(x); });
    results[0] = packed(x);
    other.join();
    QVERIFY(identical(results[0], expected));
    QVERIFY(identical(results[1], expected));
}

QTEST_GUILESS_MAIN(TestPackedConv)
#include "tst_packed_conv.moc"
