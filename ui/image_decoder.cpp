#include "image_decoder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <cmath>
#include <optional>

#include "depthstyle/engine_error.h"
#include "depthstyle/image_io.h"
#include "depthstyle/size_policy.h"
#include "error_text.h"
#include "image_convert.h"
#include "local_path.h"
#include "render_activity.h"

namespace depthstyle::ui {

namespace {

// A decode counted as work on the activity, when there is one.
class Working {
public:
    explicit Working(const std::shared_ptr<RenderActivity>& activity) {
        if (activity) {
            rendering_.emplace(*activity);
        }
    }

private:
    std::optional<RenderActivity::Rendering> rendering_;
};

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

    void checkDepthMap(quint64 ticket, const QString& path) {
        DecodedImage out;
        out.ticket = ticket;
        out.path = path;
        out.label = QFileInfo(path).fileName();
        if (!stopping()) {
            try {
                const Working working(activity_);
                const cv::Mat map = loadGrayMap(doc::localPath(path));
                out.mapSize = QSize(map.cols, map.rows);
            } catch (const std::exception& e) {
                out.error = errorText(e);
            }
        }
        Q_EMIT decoded(out);
    }

    std::shared_ptr<std::atomic<bool>> stopping_;
    std::shared_ptr<RenderActivity> activity_;  // may be null

Q_SIGNALS:
    void decoded(const depthstyle::ui::DecodedImage& result);

private:
    bool stopping() const { return stopping_ && stopping_->load(); }

    template <typename Load>
    void finish(DecodedImage& out, Load load, int smallerSide) {
        if (stopping()) {
            Q_EMIT decoded(out);
            return;
        }
        try {
            const Working working(activity_);
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

ImageDecoder::ImageDecoder(std::shared_ptr<RenderActivity> activity, QObject* parent)
    : QObject(parent), stopping_(std::make_shared<std::atomic<bool>>(false)), worker_(new Worker) {
    qRegisterMetaType<depthstyle::ui::DecodedImage>();
    worker_->stopping_ = stopping_;
    worker_->activity_ = std::move(activity);
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
    *stopping_ = true;  // the decodes still queued end at once
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

void ImageDecoder::checkDepthMap(quint64 ticket, const QString& path) {
    ++pending_;
    QMetaObject::invokeMethod(worker_,
                              [w = worker_, ticket, path] { w->checkDepthMap(ticket, path); });
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
