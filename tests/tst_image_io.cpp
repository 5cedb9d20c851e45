// Image input and output: formats, bit depths, grayscale, alpha, EXIF
// orientation, odd sizes, and every input error with its message.
#include <sys/resource.h>
#include <sys/stat.h>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <fstream>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/engine_error.h"
#include "depthstyle/heap.h"
#include "depthstyle/image_io.h"
#include "depthstyle/memory_estimate.h"
#include "depthstyle/size_policy.h"
#include "synthetic_images.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

void writeBytes(const std::string& path, const std::vector<unsigned char>& bytes, size_t count) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(count));
}

double maxDifference(const cv::Mat& a, const cv::Mat& b) {
    return cv::norm(a, b, cv::NORM_INF);
}

// The engine's message for a depth map it refuses; "taken" when it loads.
QString grayMapError(const std::string& file) {
    try {
        loadGrayMap(file);
    } catch (const EngineError& e) {
        return QString::fromStdString(e.what());
    }
    return "taken";
}

// The 8-bit BGR picture as the engine should see it: float RGB in [0,1].
cv::Mat expectedRgb(const cv::Mat& bgr8) {
    cv::Mat rgb;
    cv::cvtColor(bgr8, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(rgb, CV_32F, 1.0 / 255.0);
    return rgb;
}

}  // namespace

class TestImageIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }
    void formats_data();
    void formats();
    void grayscaleBecomesThreeChannels();
    void renderEstimateFromFileHeaders();
    void heapWarmupTouchesAndReturnsMemory();
    void sixteenBit();
    void alphaKeptAndReattached();
    void exifOrientation_data();
    void exifOrientation();
    void floatDepthMap();
    void inputErrors_data();
    void inputErrors();
    void sizePolicy();
    void tooSmallAndTooLarge();
    void bytesAfterPngEndAreIgnored();
    void replacingKeepsPermissionsAndLinks();
    void outputErrorsLeaveNothing();

private:
    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }
    QTemporaryDir dir_;
};

void TestImageIo::formats_data() {
    QTest::addColumn<QString>("extension");
    QTest::addColumn<double>("tolerance");
    QTest::addRow("png") << "png" << 0.0;
    QTest::addRow("tiff") << "tif" << 0.0;
    QTest::addRow("bmp") << "bmp" << 0.0;
    QTest::addRow("webp") << "webp" << 0.03;
    QTest::addRow("jpeg") << "jpg" << 0.03;
}

void TestImageIo::formats() {
    QFETCH(QString, extension);
    QFETCH(double, tolerance);
    const cv::Mat picture = makeContentPicture(37, 23);  // odd sizes
    const std::string file = path("picture." + extension);
    QVERIFY(writePicture(file, picture));
    const Image image = loadImage(file);
    QCOMPARE(image.rgb.type(), CV_32FC3);
    QCOMPARE(image.width(), 37);
    QCOMPARE(image.height(), 23);
    QVERIFY(!image.hasAlpha());
    // Lossless formats give the pixels back exactly; lossy ones closely on average.
    const cv::Mat expected = expectedRgb(picture);
    const double difference = tolerance == 0.0 ? maxDifference(image.rgb, expected)
                                               : cv::norm(image.rgb, expected, cv::NORM_L1) /
                                                     static_cast<double>(expected.total() * 3);
    QVERIFY2(difference <= tolerance, qPrintable(QString::number(difference)));
}

void TestImageIo::grayscaleBecomesThreeChannels() {
    cv::Mat gray(15, 21, CV_8UC1);
    cv::randu(gray, 0, 256);
    QVERIFY(writePicture(path("gray.png"), gray));
    const Image image = loadImage(path("gray.png"));
    QCOMPARE(image.rgb.channels(), 3);
    std::vector<cv::Mat> planes;
    cv::split(image.rgb, planes);
    cv::Mat expected;
    gray.convertTo(expected, CV_32F, 1.0 / 255.0);
    for (const cv::Mat& plane : planes) {
        QCOMPARE(maxDifference(plane, expected), 0.0);
    }
}

void TestImageIo::sixteenBit() {
    cv::Mat deep(9, 11, CV_16UC3, cv::Scalar(1000, 30000, 65535));
    for (const char* name : {"deep.png", "deep.tif"}) {
        QVERIFY(writePicture(path(name), deep));
        const Image image = loadImage(path(name));
        QCOMPARE(image.sourceBitDepth, 16);
        const cv::Vec3f pixel = image.rgb.at<cv::Vec3f>(4, 5);
        QVERIFY(std::abs(pixel[0] - 1.0f) < 1e-6f);  // R was the third channel
        QVERIFY(std::abs(pixel[1] - 30000.0f / 65535.0f) < 1e-6f);
        QVERIFY(std::abs(pixel[2] - 1000.0f / 65535.0f) < 1e-6f);
    }
}

void TestImageIo::alphaKeptAndReattached() {
    cv::Mat bgra(13, 17, CV_8UC4);
    cv::randu(bgra, 0, 256);
    QVERIFY(writePicture(path("alpha.png"), bgra));
    const Image image = loadImage(path("alpha.png"));
    QVERIFY(image.hasAlpha());
    std::vector<cv::Mat> planes;
    cv::split(bgra, planes);
    cv::Mat expectedAlpha;
    planes[3].convertTo(expectedAlpha, CV_32F, 1.0 / 255.0);
    QCOMPARE(maxDifference(image.alpha, expectedAlpha), 0.0);

    saveImage(path("alpha-out.png"), image);
    const cv::Mat written = cv::imread(path("alpha-out.png"), cv::IMREAD_UNCHANGED);
    QCOMPARE(written.channels(), 4);
    QCOMPARE(maxDifference(written, bgra), 0.0);
}

// EXIF's definition, pixel by pixel: the stored picture's row 0 and column 0
// are the displayed picture's (1) top, left (2) top, right (3) bottom, right
// (4) bottom, left (5) left, top (6) right, top (7) right, bottom (8) left,
// bottom.
cv::Mat displayedAs(const cv::Mat& stored, int orientation) {
    const int w = stored.cols;
    const int h = stored.rows;
    const bool swapped = orientation >= 5;
    cv::Mat shown(swapped ? w : h, swapped ? h : w, stored.type());
    const size_t pixel = stored.elemSize();
    for (int r = 0; r < h; ++r) {
        for (int c = 0; c < w; ++c) {
            int x = 0;
            int y = 0;
            switch (orientation) {
                case 1:
                    x = c, y = r;
                    break;
                case 2:
                    x = w - 1 - c, y = r;
                    break;
                case 3:
                    x = w - 1 - c, y = h - 1 - r;
                    break;
                case 4:
                    x = c, y = h - 1 - r;
                    break;
                case 5:
                    x = r, y = c;
                    break;
                case 6:
                    x = h - 1 - r, y = c;
                    break;
                case 7:
                    x = h - 1 - r, y = w - 1 - c;
                    break;
                default:
                    x = r, y = w - 1 - c;
                    break;
            }
            std::memcpy(shown.ptr(y, x), stored.ptr(r, c), pixel);
        }
    }
    return shown;
}

// BGRA: `flat` gives one colour everywhere (only alpha tells the
// orientation), else the content picture; alpha is a ramp with a bar.
cv::Mat pictureWithAlpha(int width, int height, bool flat) {
    cv::Mat bgr = flat ? cv::Mat(height, width, CV_8UC3, cv::Scalar(90, 140, 200))
                       : makeContentPicture(width, height);
    cv::Mat alpha(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            alpha.at<unsigned char>(y, x) =
                static_cast<unsigned char>(x < width / 5 && y < height / 2 ? 255 : 3 * x + y);
        }
    }
    cv::Mat bgra;
    cv::merge(std::vector<cv::Mat>{bgr, alpha}, bgra);
    return bgra;
}

void TestImageIo::exifOrientation_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("flat");
    QTest::addColumn<int>("orientation");
    for (int orientation = 1; orientation <= 8; ++orientation) {
        QTest::addRow("jpeg %d", orientation) << "jpg" << false << orientation;
        QTest::addRow("png with alpha %d", orientation) << "png" << false << orientation;
        QTest::addRow("png, flat colour, alpha %d", orientation) << "png" << true << orientation;
        QTest::addRow("webp with alpha %d", orientation) << "webp" << false << orientation;
        QTest::addRow("webp, flat colour, alpha %d", orientation) << "webp" << true << orientation;
    }
}

void TestImageIo::exifOrientation() {
    QFETCH(QString, format);
    QFETCH(bool, flat);
    QFETCH(int, orientation);
    const cv::Mat bgra = pictureWithAlpha(40, 24, flat);
    std::vector<unsigned char> bytes;
    if (format == "jpg") {
        cv::Mat bgr;
        cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
        bytes = jpegWithOrientation(bgr, orientation);
    } else if (format == "png") {
        bytes = pngWithOrientation(bgra, orientation);
    } else {
        bytes = webpWithOrientation(bgra, orientation);
    }
    const std::string file =
        path(QString("exif-%1-%2-%3.%4").arg(orientation).arg(flat).arg(format, format));
    writeBytes(file, bytes, bytes.size());

    // The pixels as stored (lossy JPEG: as decoded), then as they are shown.
    const cv::Mat stored = cv::imread(file, cv::IMREAD_UNCHANGED);
    QVERIFY(!stored.empty());
    std::vector<cv::Mat> planes;
    cv::split(stored, planes);
    cv::Mat storedBgr;
    cv::merge(std::vector<cv::Mat>{planes[0], planes[1], planes[2]}, storedBgr);
    const Image image = loadImage(file);
    const cv::Mat upright = displayedAs(storedBgr, orientation);
    QCOMPARE(image.width(), upright.cols);
    QCOMPARE(image.height(), upright.rows);
    QCOMPARE(maxDifference(image.rgb, expectedRgb(upright)), 0.0);
    if (format == "jpg") {
        QVERIFY(image.alpha.empty());
        return;
    }
    QCOMPARE(planes.size(), size_t(4));
    cv::Mat expectedAlpha;
    displayedAs(planes[3], orientation).convertTo(expectedAlpha, CV_32F, 1.0 / 255.0);
    QVERIFY(!image.alpha.empty());
    QCOMPARE(maxDifference(image.alpha, expectedAlpha), 0.0);
}

void TestImageIo::floatDepthMap() {
    cv::Mat map(6, 7, CV_32FC1);
    cv::randu(map, -3.0, 250.0);
    QVERIFY(writePicture(path("map.tif"), map));
    const cv::Mat loaded = loadGrayMap(path("map.tif"));
    QCOMPARE(loaded.type(), CV_32FC1);
    QCOMPARE(maxDifference(loaded, map), 0.0);

    cv::Mat sixteen(6, 7, CV_16UC1, cv::Scalar(65535));
    QVERIFY(writePicture(path("map16.png"), sixteen));
    QCOMPARE(loadGrayMap(path("map16.png")).at<float>(2, 2), 1.0f);

    // Colour float maps (some depth tools write RGB TIFFs): the first channel
    // when all three agree, else one line saying what the map must be.
    cv::Mat same;
    cv::merge(std::vector<cv::Mat>{map, map, map}, same);
    // Uncompressed: OpenCV's default for float colour is lossy (SGILOG).
    QVERIFY(cv::imwrite(path("map-rgb.tif"), same, {cv::IMWRITE_TIFF_COMPRESSION, 1}));
    const cv::Mat fromRgb = loadGrayMap(path("map-rgb.tif"));
    QCOMPARE(fromRgb.type(), CV_32FC1);
    QCOMPARE(maxDifference(fromRgb, map), 0.0);
    // NaN holes shared by all channels: the NaN message, not "differ".
    cv::Mat holed = map.clone();
    holed.at<float>(2, 3) = std::numeric_limits<float>::quiet_NaN();
    cv::Mat holedRgb;
    cv::merge(std::vector<cv::Mat>{holed, holed, holed}, holedRgb);
    QVERIFY(cv::imwrite(path("map-holes.tif"), holedRgb, {cv::IMWRITE_TIFF_COMPRESSION, 1}));
    const QString holes = grayMapError(path("map-holes.tif"));
    QVERIFY2(holes.contains("NaN"), qPrintable(holes));
    cv::Mat other = map.clone();
    other += 1.0f;
    cv::Mat differing;
    cv::merge(std::vector<cv::Mat>{map, other, map}, differing);
    QVERIFY(writePicture(path("map-colour.tif"), differing));
    const QString message = grayMapError(path("map-colour.tif"));
    QVERIFY2(message.startsWith("'" + QString::fromStdString(path("map-colour.tif")) + "'") &&
                 message.contains("one channel") && !message.contains("\n") &&
                 !message.contains("OpenCV") && !message.contains("cv::"),
             qPrintable(message));
}

void TestImageIo::inputErrors_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addRow("missing") << "missing.png" << int(ErrorKind::FileMissing) << "no such file";
    QTest::addRow("empty") << "empty.png" << int(ErrorKind::FileEmpty) << "empty";
    QTest::addRow("directory") << "folder.png" << int(ErrorKind::FileUnreadable) << "directory";
    QTest::addRow("not an image") << "notes.png" << int(ErrorKind::NotAnImage) << "not an image";
    QTest::addRow("truncated png") << "cut.png" << int(ErrorKind::ImageCorrupt) << "truncated";
    QTest::addRow("truncated jpeg") << "cut.jpg" << int(ErrorKind::ImageCorrupt) << "truncated";
}

void TestImageIo::inputErrors() {
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    writeBytes(path("empty.png"), {}, 0);
    QDir(dir_.path()).mkpath("folder.png");
    const std::string text = "these are notes, not pixels\n";
    writeBytes(path("notes.png"), std::vector<unsigned char>(text.begin(), text.end()),
               text.size());
    std::vector<unsigned char> png;
    std::vector<unsigned char> jpeg;
    cv::imencode(".png", makeContentPicture(64, 48), png);
    cv::imencode(".jpg", makeContentPicture(64, 48), jpeg);
    writeBytes(path("cut.png"), png, png.size() / 2);
    writeBytes(path("cut.jpg"), jpeg, jpeg.size() * 2 / 3);

    const std::string file = path(name);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            if (attempt == 0) {
                loadImage(file);
            } else {
                loadGrayMap(file);
            }
            QFAIL("no error");
        } catch (const EngineError& e) {
            const QString message = e.what();
            QCOMPARE(int(e.kind()), kind);
            QVERIFY2(message.contains(QString::fromStdString(file)), qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
    }
}

void TestImageIo::bytesAfterPngEndAreIgnored() {
    std::vector<unsigned char> png;
    QVERIFY(cv::imencode(".png", makeContentPicture(64, 48), png));
    writeBytes(path("whole.png"), png, png.size());
    std::vector<unsigned char> trailing = png;
    for (int i = 0; i < 300; ++i) {
        trailing.push_back(static_cast<unsigned char>(i * 7));  // e.g. a tool's appended data
    }
    writeBytes(path("trailing.png"), trailing, trailing.size());
    const Image whole = loadImage(path("whole.png"));
    const Image withTail = loadImage(path("trailing.png"));
    QCOMPARE(cv::norm(whole.rgb, withTail.rgb, cv::NORM_INF), 0.0);
    // Cut inside the last chunk: still truncated.
    writeBytes(path("cut-end.png"), png, png.size() - 6);
    QVERIFY_THROWS_EXCEPTION(EngineError, loadImage(path("cut-end.png")));
}

void TestImageIo::replacingKeepsPermissionsAndLinks() {
    Image first;
    first.rgb = cv::Mat(12, 16, CV_32FC3, cv::Scalar(0.2, 0.4, 0.6));
    Image second;
    second.rgb = cv::Mat(12, 16, CV_32FC3, cv::Scalar(0.9, 0.1, 0.3));
    const QString privateFile = QString::fromStdString(path("private.png"));
    saveImage(path("private.png"), first);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QVERIFY(QFile::setPermissions(privateFile, ownerOnly));
    saveImage(path("private.png"), second);
    QCOMPARE(QFile::permissions(privateFile) & ~QFileDevice::ReadUser & ~QFileDevice::WriteUser,
             ownerOnly);
    QCOMPARE(cv::norm(loadImage(path("private.png")).rgb, second.rgb, cv::NORM_INF) < 0.01, true);

    // Through a symlink: the link stays, its target gets the picture.
    saveImage(path("real.png"), first);
    QVERIFY(QFile::link(QString::fromStdString(path("real.png")),
                        QString::fromStdString(path("alias.png"))));
    saveImage(path("alias.png"), second);
    QVERIFY(QFileInfo(QString::fromStdString(path("alias.png"))).isSymLink());
    QVERIFY(cv::norm(loadImage(path("real.png")).rgb, second.rgb, cv::NORM_INF) < 0.01);
    // A link to a file not there yet makes the file.
    QVERIFY(QFile::link(QString::fromStdString(path("later.png")),
                        QString::fromStdString(path("to-later.png"))));
    saveImage(path("to-later.png"), first);
    QVERIFY(QFileInfo(QString::fromStdString(path("to-later.png"))).isSymLink());
    QVERIFY(QFileInfo::exists(QString::fromStdString(path("later.png"))));
    // No temporary file is left behind.
    const QStringList hidden = QDir(dir_.path()).entryList({".*.tmp*"}, QDir::Files | QDir::Hidden);
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(", ")));
}

void TestImageIo::sizePolicy() {
    QCOMPARE(scaledSize({768, 512}, 512), cv::Size(768, 512));
    QCOMPARE(scaledSize({1000, 600}, 512), cv::Size(853, 512));
    QCOMPARE(scaledSize({600, 1000}, 300), cv::Size(300, 500));
    QCOMPARE(scaledSize({123, 45}, 0), cv::Size(123, 45));
    QCOMPARE(featureGridSize({37, 23}), cv::Size(5, 3));

    Image image;
    image.rgb = cv::Mat(45, 123, CV_32FC3, cv::Scalar(0.5, 0.25, 1.0));
    image.alpha = cv::Mat(45, 123, CV_32FC1, cv::Scalar(0.75));
    const Image scaled = scaleToSmallerSide(image, 90, "x");
    QCOMPARE(scaled.rgb.size(), cv::Size(246, 90));
    QCOMPARE(scaled.alpha.size(), cv::Size(246, 90));
    QVERIFY(std::abs(scaled.rgb.at<cv::Vec3f>(40, 100)[1] - 0.25f) < 1e-5f);
}

void TestImageIo::tooSmallAndTooLarge() {
    Image image;
    image.rgb = cv::Mat(100, 120, CV_32FC3, cv::Scalar::all(0.5));
    try {
        scaleToSmallerSide(image, 8, "small.png");
        QFAIL("no error for a tiny image");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::ImageTooSmall);
        QVERIFY2(
            QString(e.what()).contains("small.png") && QString(e.what()).contains("at least 16"),
            e.what());
    }
    try {
        scaleToSmallerSide(image, 7000, "huge.png");
        QFAIL("no error for a huge size");
    } catch (const EngineError& e) {
        QCOMPARE(e.kind(), ErrorKind::ImageTooLarge);
        QVERIFY2(QString(e.what()).contains("huge.png") && QString(e.what()).contains("megapixels"),
                 e.what());
    }
}

void TestImageIo::outputErrorsLeaveNothing() {
    Image image;
    image.rgb = cv::Mat(20, 20, CV_32FC3, cv::Scalar::all(0.5));
    const struct {
        std::string file;
        const char* reason;
    } cases[] = {{path("no-such-folder/out.png"), "does not exist"},
                 {path("out.xyz"), "unknown image extension"},
                 {path("folder.png"), "directory"}};
    QDir(dir_.path()).mkpath("folder.png");
    const QStringList before = QDir(dir_.path()).entryList(QDir::AllEntries | QDir::Hidden);
    for (const auto& c : cases) {
        try {
            saveImage(c.file, image);
            QFAIL("no error");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), ErrorKind::OutputUnwritable);
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(c.file)), e.what());
            QVERIFY2(QString(e.what()).contains(c.reason), e.what());
        }
    }
    QCOMPARE(QDir(dir_.path()).entryList(QDir::AllEntries | QDir::Hidden), before);

    // A successful write replaces the target whole and leaves no temporary.
    saveImage(path("fine.png"), image);
    QVERIFY(QFile::exists(dir_.filePath("fine.png")));
    QCOMPARE(QDir(dir_.path()).entryList(QDir::AllEntries | QDir::Hidden).size(),
             before.size() + 1);
}

// depthstyle-cli sizes the heap it warms from the files' headers, before
// LibTorch (and the decoders) load.
void TestImageIo::renderEstimateFromFileHeaders() {
    const QString content = dir_.filePath("estimate-content.png");
    const QString style = dir_.filePath("estimate-style.jpg");
    QVERIFY(cv::imwrite(content.toStdString(), makeContentPicture(300, 200)));
    QVERIFY(cv::imwrite(style.toStdString(), makeStylePicture(120, 160)));
    QCOMPARE(estimatedRenderBytes(content.toStdString(), 100, style.toStdString(), 60),
             estimatedRenderBytes(cv::Size(150, 100), cv::Size(60, 80)));
    QCOMPARE(estimatedRenderBytes(content.toStdString(), 0, style.toStdString(), 0),
             estimatedRenderBytes(cv::Size(300, 200), cv::Size(120, 160)));
    // Nothing to say: a missing file, a file that is no picture, a FIFO
    // (which must not block), a size out of range.
    QCOMPARE(estimatedRenderBytes("/nonexistent.png", 100, style.toStdString(), 60), 0u);
    const QString text = dir_.filePath("estimate.png");
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a picture");
    file.close();
    QCOMPARE(estimatedRenderBytes(text.toStdString(), 100, style.toStdString(), 60), 0u);
    const QString fifo = dir_.filePath("estimate-fifo.png");
    QCOMPARE(mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    QCOMPARE(estimatedRenderBytes(fifo.toStdString(), 100, style.toStdString(), 60), 0u);
    QCOMPARE(estimatedRenderBytes(content.toStdString(), 4, style.toStdString(), 60), 0u);
}

void TestImageIo::heapWarmupTouchesAndReturnsMemory() {
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator ignores the heap tuning");
#endif
    tuneAllocatorOnce();
    const auto minorFaults = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_minflt;
    };
    const long before = minorFaults();
    { const HeapWarmup warmup(64 << 20); }
    // 64 MiB touched: at least one fault per 2 MiB (one per 4 KiB page in
    // small pages, one per huge page where they are used).
    QVERIFY(minorFaults() - before >= 32);
    // Freed again and kept: the same memory serves a new block without faults.
    const long touched = minorFaults();
    std::vector<unsigned char> reuse(48 << 20, 1);
    QVERIFY(minorFaults() - touched < 32);
    QCOMPARE(reuse[12345], 1);
    const HeapWarmup none(0);
}

QTEST_GUILESS_MAIN(TestImageIo)
#include "tst_image_io.moc"
