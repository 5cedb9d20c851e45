#include "image_decoder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <cmath>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"
#include "error_text.h"
#include "image_convert.h"
#include "local_path.h"

namespace depthstyle::ui {
namespace {

bool sameShape(cv::Size map, const QSize& content) {
    const double a = double(map.width) / map.height;
    const double b = double(content.width()) / content.height();
    return std::abs(a - b) <= 0.01 * b;
}

}  // namespace

// Lives on the decoder's thread.
class ImageDecoder::Worker : public QObject {
    Q_OBJECT
public:
    void decodeFile(quint64 ticket, const QString& path, int smallerSide) {
        DecodedImage out;
        out.ticket = ticket;
        out.path = path;
        out.label = QFileInfo(path).fileName();
        finish(
            out, [&] { return loadImage(doc::localPath(path)); }, smallerSide);
    }
    void decodePicture(quint64 ticket, const QImage& picture, const QString& label,
                       int smallerSide) {
        DecodedImage out;
        out.ticket = ticket;
        out.label = label;
        finish(
            out, [&] { return fromQImage(picture); }, smallerSide);
    }

    void checkDepthMap(quint64 ticket, const QString& path, const QSize& contentSize) {
        DecodedImage out;
        out.ticket = ticket;
        out.path = path;
        out.label = QFileInfo(path).fileName();
        try {
            const cv::Mat map = loadGrayMap(doc::localPath(path));
            if (contentSize.isValid() && !sameShape(map.size(), contentSize)) {
                out.error = ImageDecoder::tr(
                                "'%1': the depth map is %2×%3 pixels and the photo %4×%5: their "
                                "shapes differ, so the map would be stretched. Choose the map "
                                "made for this photo.")
                                .arg(path)
                                .arg(map.cols)
                                .arg(map.rows)
                                .arg(contentSize.width())
                                .arg(contentSize.height());
            }
        } catch (const std::exception& e) {
            out.error = errorText(e);
        }
        Q_EMIT decoded(out);
    }

Q_SIGNALS:
    void decoded(const depthstyle::ui::DecodedImage& result);

private:
    template <typename Load>
    void finish(DecodedImage& out, Load load, int smallerSide) {
        try {
            auto image = std::make_shared<const Image>(load());
            // Refuse what the engine would refuse, before the document changes.
            const QString name = out.path.isEmpty() ? out.label : out.path;
            checkScaledSize(image->rgb.size(), smallerSide, name.toStdString());
            out.display = toDisplayQImage(*image);
            out.image = std::move(image);
        } catch (const EngineError& e) {
            out.error = errorText(e);
        } catch (const std::exception& e) {
            out.error = QStringLiteral("%1: %2").arg(out.path.isEmpty() ? out.label : out.path,
                                                     QString::fromStdString(e.what()));
        }
        Q_EMIT decoded(out);
    }
};

ImageDecoder::ImageDecoder(QObject* parent) : QObject(parent), worker_(new Worker) {
    qRegisterMetaType<depthstyle::ui::DecodedImage>();
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &Worker::decoded, this, [this](const DecodedImage& result) {
        --pending_;
        Q_EMIT decoded(result);
    });
    thread_.setObjectName("image decoder");
    thread_.start(QThread::LowPriority);
}

ImageDecoder::~ImageDecoder() {
    thread_.quit();
    thread_.wait();
}

void ImageDecoder::decodeFile(quint64 ticket, const QString& path, int smallerSide) {
    ++pending_;
    QMetaObject::invokeMethod(worker_, [w = worker_, ticket, path, smallerSide] {
        w->decodeFile(ticket, path, smallerSide);
    });
}

void ImageDecoder::decodePicture(quint64 ticket, const QImage& picture, const QString& label,
                                 int smallerSide) {
    ++pending_;
    QMetaObject::invokeMethod(worker_, [w = worker_, ticket, picture, label, smallerSide] {
        w->decodePicture(ticket, picture, label, smallerSide);
    });
}

void ImageDecoder::checkDepthMap(quint64 ticket, const QString& path, const QSize& contentSize) {
    ++pending_;
    QMetaObject::invokeMethod(worker_, [w = worker_, ticket, path, contentSize] {
        w->checkDepthMap(ticket, path, contentSize);
    });
}

bool ImageDecoder::waitForIdle(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (pending_ > 0 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return pending_ == 0;
}

}  // namespace depthstyle::ui

#include "image_decoder.moc"
