// Mutated files, seeded and bounded in time: the image decoder, the sidecar
// parser and the model loader give a clean error or a result, never a crash,
// a hang or an exception of another kind.
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/session.h"
#include "parameters.h"
#include "sidecar.h"
#include "synthetic_images.h"
#include "test_env.h"

using namespace depthstyle;
using namespace depthstyle::test;

namespace {

using Bytes = QByteArray;

// One mutation: flip bytes, overwrite a run with extreme values, cut, or
// duplicate a slice; the header is hit as often as the rest.
Bytes mutate(const Bytes& seed, std::mt19937& random) {
    Bytes out = seed;
    const int kind = int(random() % 4);
    const auto at = [&](int size) {
        const int headerBias = int(random() % 2) == 0 ? std::min(size, 64) : size;
        return size > 0 ? int(random() % headerBias) : 0;
    };
    switch (kind) {
        case 0:
            for (int i = 0, n = 1 + int(random() % 8); i < n && !out.isEmpty(); ++i) {
                out[at(out.size())] = char(random() & 0xFF);
            }
            break;
        case 1: {
            const int from = at(out.size());
            const char value = (random() % 2) != 0 ? char(0xFF) : char(0x00);
            for (int i = from; i < std::min<int>(out.size(), from + 4); ++i) {
                out[i] = value;
            }
            break;
        }
        case 2:
            out.truncate(at(out.size()));
            break;
        default: {
            const int from = at(out.size());
            out.insert(at(out.size()), out.mid(from, 1 + int(random() % 32)));
            break;
        }
    }
    return out;
}

struct Tally {
    int runs = 0;
    int accepted = 0;
    int refused = 0;
};

// Runs `load` on mutants of `seed` for at most `budgetMs`, `maxRuns` times.
// An EngineError is a clean refusal; anything else fails the test.
// At least `minRuns` mutants whatever the time they take (a loaded machine
// or a sanitizer build is slow), then more until `maxRuns` or `budgetMs`.
Tally fuzz(const QString& path, const Bytes& seed, unsigned seedValue, int minRuns, int maxRuns,
           int budgetMs, const std::function<void(const QString&)>& load) {
    std::mt19937 random(seedValue);
    Tally tally;
    QElapsedTimer clock;
    clock.start();
    while (tally.runs < maxRuns && (tally.runs < minRuns || clock.elapsed() < budgetMs)) {
        Bytes mutant = mutate(seed, random);
        if (random() % 3 == 0) {
            mutant = mutate(mutant, random);
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(mutant) != mutant.size()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.close();
        ++tally.runs;
        try {
            load(path);
            ++tally.accepted;
        } catch (const EngineError&) {
            ++tally.refused;
        }
    }
    return tally;
}

// A small picture in the format of `extension`; `exif`: with an EXIF
// orientation (and alpha, where the format has it), for the EXIF parser.
Bytes encoded(const QString& extension, bool exif) {
    std::vector<unsigned char> bytes;
    const cv::Mat picture = makeContentPicture(48, 32);
    cv::Mat withAlpha;
    cv::cvtColor(picture, withAlpha, cv::COLOR_BGR2BGRA);
    if (!exif) {
        cv::imencode(extension.toStdString(), picture, bytes);
    } else if (extension == ".jpg") {
        bytes = jpegWithOrientation(picture, 6);
    } else if (extension == ".png") {
        bytes = pngWithOrientation(withAlpha, 6);
    } else {
        bytes = webpWithOrientation(withAlpha, 6);
    }
    return Bytes(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

Bytes fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : Bytes();
}

}  // namespace

class TestFuzz : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }
    void imageDecoder_data();
    void imageDecoder();
    void sidecarParser();
    void modelLoader();

private:
    QTemporaryDir dir_;
};

void TestFuzz::imageDecoder_data() {
    QTest::addColumn<QString>("extension");
    QTest::addColumn<bool>("exif");
    for (const char* ext : {".png", ".jpg", ".bmp", ".tif", ".webp"}) {
        QTest::addRow("%s", ext) << QString(ext) << false;
    }
    for (const char* ext : {".png", ".jpg", ".webp"}) {
        QTest::addRow("%s with EXIF", ext) << QString(ext) << true;
    }
}

void TestFuzz::imageDecoder() {
    QFETCH(QString, extension);
    QFETCH(bool, exif);
    const Bytes seed = encoded(extension, exif);
    QVERIFY(!seed.isEmpty());
    const Tally t = fuzz(
        dir_.filePath("mutant" + extension), seed, 2026, 51, 1000, 8000, [](const QString& path) {
            const Image image = loadImage(path.toStdString());
            // Whatever decodes is a real picture of sane size.
            QVERIFY(!image.empty() && image.rgb.total() <= size_t(kMaxInputPixels));
            loadGrayMap(path.toStdString());
        });
    qInfo("%s: %d mutants, %d decoded, %d refused cleanly", qPrintable(extension), t.runs,
          t.accepted, t.refused);
    QVERIFY(t.runs > 50);
}

void TestFuzz::sidecarParser() {
    doc::Parameters p;
    p.beta = 12.5;
    p.depthFromFile = true;
    p.depthPath = "/photos/depth.png";
    QJsonObject root{{"format", "depthstyle-sidecar-1"},
                     {"parameters", p.toJson()},
                     {"plainAdainAlpha", 0.25},
                     {"tunedAt", QJsonObject{{"contentSize", 512}}}};
    const Bytes seed = QJsonDocument(root).toJson();
    const Tally t = fuzz(dir_.filePath("depthstyle.json"), seed, 7, 101, 3000, 6000,
                         [](const QString& path) { doc::readSidecar(path); });
    qInfo("sidecar: %d mutants, %d read, %d refused cleanly", t.runs, t.accepted, t.refused);
    QVERIFY(t.runs > 100);
}

void TestFuzz::modelLoader() {
    // The installed decoder (zip format): mutants must load or be refused.
    const Bytes seed = fileBytes(standinModelDir() + "/decoder.pth");
    QVERIFY(!seed.isEmpty());
    ModelFiles files = standinModelFiles();
    const Tally t =
        fuzz(dir_.filePath("decoder.pth"), seed, 11, 11, 300, 15000, [&files](const QString& path) {
            ModelFiles mutated = files;
            mutated.decoder = path.toStdString();
            Models::load(mutated);
        });
    qInfo("decoder.pth: %d mutants, %d loaded, %d refused cleanly", t.runs, t.accepted, t.refused);
    QVERIFY(t.runs > 10);
}

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
