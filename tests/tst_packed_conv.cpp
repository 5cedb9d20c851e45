// The stacks' convolutions, run through oneDNN directly with weights packed
// once and the ReLU inside the convolution: the same values as at::conv2d
// followed by relu_, at the size they were packed for and at every later
// size, in float32 and bfloat16, when two threads make the first call
// together, and with kernels made ahead by prepare().
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <QtTest>
#include <algorithm>
#include <atomic>
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
    return a.sizes() == b.sizes() && at::allclose(a.to(at::kFloat), b.to(at::kFloat), 1e-4, 1e-4);
}

}  // namespace

class TestPackedConv : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameValuesAsPlain_data();
    void sameValuesAsPlain();
    void firstCallFromTwoThreads();
    void unpackableWeightsRunPlain();
    void preparedKernelIsNotMadeAgain();
    void everySizeGetsAnOptimizedKernel();
    void keepsTheKernelsUsedLast();
};

void TestPackedConv::initTestCase() {
    at::manual_seed(7);
    // oneDNN's choice of kernels depends on the thread count: the app's and
    // the CLI's two threads on the development machine.
    at::set_num_threads(2);
}

void TestPackedConv::sameValuesAsPlain_data() {
    QTest::addColumn<int>("inChannels");
    QTest::addColumn<int>("outChannels");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<bool>("relu");
    QTest::addColumn<bool>("bfloat16");
    QTest::addColumn<bool>("packs");
    QTest::addRow("3x3, 64 to 64, ReLU") << 64 << 64 << 3 << true << false << true;
    QTest::addRow("3x3, 64 to 3, nothing after") << 64 << 3 << 3 << false << false << true;
    QTest::addRow("3x3, 128 to 256, ReLU, bfloat16") << 128 << 256 << 3 << true << true << true;
    QTest::addRow("3x3, 3 to 64, ReLU") << 3 << 64 << 3 << true << false << true;
    QTest::addRow("1x1, 3 to 3") << 3 << 3 << 1 << false << false << true;
    QTest::addRow("1x1, 32 to 48, ReLU") << 32 << 48 << 1 << true << false << true;
}

void TestPackedConv::sameValuesAsPlain() {
    QFETCH(int, inChannels);
    QFETCH(int, outChannels);
    QFETCH(int, kernel);
    QFETCH(bool, relu);
    QFETCH(bool, bfloat16);
    QFETCH(bool, packs);
    const at::ScalarType type = bfloat16 ? at::kBFloat16 : at::kFloat;
    const at::Tensor weight =
        channelsLast(at::randn({outChannels, inChannels, kernel, kernel}).to(type));
    const at::Tensor bias = at::randn({outChannels}).to(type);
    const PackedConvolution packed(weight, bias, relu);
    // The first call packs for its size; the later ones (a shorter stripe,
    // another width, a tiny image's deepest layer) reuse those weights. All
    // but the last are over 20480 values even at 32 channels, where
    // at::conv2d runs oneDNN too.
    for (const auto& [height, width] :
         std::vector<std::pair<int64_t, int64_t>>{{20, 70}, {20, 70}, {10, 70}, {15, 45}, {3, 3}}) {
        const at::Tensor x = input(inChannels, height, width, type);
        const at::Tensor got = packed(x);
        const at::Tensor expected = plainConvolution(x, weight, bias, relu);
        const QByteArray where = QString("at %1x%2").arg(width).arg(height).toUtf8();
        QVERIFY2(got.is_contiguous(at::MemoryFormat::ChannelsLast), where.constData());
        QCOMPARE(packed.packed(), packs);
        // This size ran through oneDNN itself (or through at::conv2d).
        QVERIFY2(packed.hasKernelFor(x.sizes().vec()), where.constData());
        const std::vector<std::string> names = packed.kernelNames();
        QCOMPARE(std::count(names.begin(), names.end(), std::string("plain")) == 0, packs);
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
    const at::Tensor x = input(64, 16, 40, at::kFloat);
    const at::Tensor expected = plainConvolution(x, weight, bias, true);
    for (int round = 0; round < 10; ++round) {
        const PackedConvolution packed(weight, bias, true);
        std::atomic<int> ready{0};
        at::Tensor results[2];
        const auto call = [&](int i) {
            ++ready;
            while (ready.load() < 2) {
                // both threads make their first call together
            }
            results[i] = packed(x);
        };
        std::thread other(call, 1);
        call(0);
        other.join();
        QVERIFY(packed.packed());
        QVERIFY(identical(results[0], expected));
        QVERIFY(identical(results[1], expected));
    }
}

// Weights oneDNN has no kernel for (double precision here; bfloat16 on
// processors without AVX-512) run unpacked, with at::conv2d's values.
void TestPackedConv::unpackableWeightsRunPlain() {
    const at::Tensor weight = channelsLast(at::randn({32, 32, 3, 3}, at::kDouble));
    const at::Tensor bias = at::randn({32}, at::kDouble);
    const PackedConvolution packed(weight, bias, true);
    for (int call = 0; call < 2; ++call) {
        const at::Tensor x = input(32, 12, 30, at::kDouble);
        QVERIFY(identical(packed(x), plainConvolution(x, weight, bias, true)));
        QVERIFY(!packed.packed());
    }
}

void TestPackedConv::preparedKernelIsNotMadeAgain() {
    const at::Tensor weight = channelsLast(at::randn({64, 32, 3, 3}));
    const at::Tensor bias = at::randn({64});
    const PackedConvolution packed(weight, bias, true);
    QCOMPARE(packed.kernelCount(), size_t{0});
    const std::vector<int64_t> sizes{1, 32, 18, 50};
    QCOMPARE(packed.prepare(sizes), (std::vector<int64_t>{1, 64, 16, 48}));
    QVERIFY(packed.packed());
    QCOMPARE(packed.kernelCount(), size_t{1});
    const at::Tensor x = input(32, 18, 50, at::kFloat);
    QVERIFY(identical(packed(x), plainConvolution(x, weight, bias, true)));
    QCOMPARE(packed.kernelCount(), size_t{1});  // the prepared one ran
    const at::Tensor shorter = input(32, 12, 50, at::kFloat);
    QVERIFY(identical(packed(shorter), plainConvolution(shorter, weight, bias, true)));
    QCOMPARE(packed.kernelCount(), size_t{2});  // a new size: a new kernel
}

// Each size gets the kernel oneDNN picks for it, with the weights in its
// layout: a layout packed for one size and forced on another sent oneDNN to
// its reference kernel (hundreds of times slower) on narrow stripes.
void TestPackedConv::everySizeGetsAnOptimizedKernel() {
    const at::Tensor weight = channelsLast(at::randn({64, 64, 3, 3}));
    const at::Tensor bias = at::randn({64});
    const PackedConvolution packed(weight, bias, true);
    // A wide stripe, then a narrow one (the first layer of a 37-pixel wide
    // picture): oneDNN wants the weights in other layouts for them.
    for (const auto& [height, width] :
         std::vector<std::pair<int64_t, int64_t>>{{44, 770}, {11, 39}, {20, 200}}) {
        const at::Tensor x = input(64, height, width, at::kFloat);
        QVERIFY(identical(packed(x), plainConvolution(x, weight, bias, true)));
    }
    QCOMPARE(packed.kernelCount(), size_t{3});
    for (const std::string& name : packed.kernelNames()) {
        QVERIFY2(name.rfind("ref", 0) != 0, name.c_str());  // oneDNN's reference kernel
        QVERIFY2(name != "plain", name.c_str());            // at::conv2d, not oneDNN
    }
}

// The app meets a new size with every zoom and window size: the kernels are
// bounded, the least recently used one going first.
void TestPackedConv::keepsTheKernelsUsedLast() {
    const at::Tensor weight = channelsLast(at::randn({16, 16, 1, 1}));
    const at::Tensor bias = at::randn({16});
    const PackedConvolution packed(weight, bias, false);
    const size_t most = PackedConvolution::kKeptKernels;
    const auto sizes = [](int64_t width) { return std::vector<int64_t>{1, 16, 2, width}; };
    for (size_t i = 0; i < most; ++i) {
        packed.prepare(sizes(static_cast<int64_t>(i) + 1));
    }
    QCOMPARE(packed.kernelCount(), most);
    packed.prepare(sizes(1));     // the first made, used again
    packed.prepare(sizes(1000));  // a new one: the second made goes
    QCOMPARE(packed.kernelCount(), most);
    QVERIFY(packed.hasKernelFor(sizes(1)));
    QVERIFY(!packed.hasKernelFor(sizes(2)));
    QVERIFY(packed.hasKernelFor(sizes(3)));
    QVERIFY(packed.hasKernelFor(sizes(1000)));
    packed.prepare(sizes(2));  // made again in place of the third
    QVERIFY(packed.hasKernelFor(sizes(2)));
    QVERIFY(!packed.hasKernelFor(sizes(3)));
    QCOMPARE(packed.kernelCount(), most);
    const at::Tensor x = input(16, 2, 2, at::kFloat);
    QVERIFY(close(packed(x), plainConvolution(x, weight, bias, false)));
}

QTEST_GUILESS_MAIN(TestPackedConv)
#include "tst_packed_conv.moc"
