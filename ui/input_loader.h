#pragma once

#include <QHash>
#include <QObject>
#include <QPoint>
#include <QStringList>
#include <memory>

#include "image_decoder.h"

class QWidget;

namespace depthstyle::ui {

class DisplayCache;
class RenderActivity;
class DocumentController;
class NotificationBar;
enum class ImageRole;

// Images into the document: opened, dropped, pasted, chosen from recent
// files, and depth maps. Files decode off the window's thread; the newest
// request for a role wins. A file that is not a usable image leaves the
// document as it was and shows a message naming the file and the reason.
class InputLoader : public QObject {
    Q_OBJECT
public:
    InputLoader(DocumentController& controller, NotificationBar& notification,
                DisplayCache& displays, std::shared_ptr<RenderActivity> activity,
                QWidget* dialogParent);

    void open(const QString& path, ImageRole role);
    void openDepthMap(const QString& path);
    void chooseAndOpen(ImageRole role);
    void chooseDepthMap();
    void paste(ImageRole role);
    void dropOnPane(const QStringList& paths, ImageRole role);
    // A drop on the result pane asks what the image is for.
    void dropOnResult(const QStringList& paths, QWidget* pane, const QPoint& position);

    bool loading() const { return !requests_.isEmpty(); }
    // Waits until every load asked for so far has ended (tests, automation).
    bool waitForLoads(int timeoutMs);

Q_SIGNALS:
    // One per load that was not superseded by a newer one of its role.
    void loadFinished(const QString& path, bool ok);

private:
    enum class Slot { Content, Style, Depth, AddedStyle };
    static Slot slotOf(ImageRole role);
    struct Request {
        Slot slot;
        QString name;
    };
    quint64 begin(Slot slot, const QString& name);
    void onDecoded(const DecodedImage& decoded);
    void apply(Slot slot, const DecodedImage& decoded);
    // Why a depth map does not fit the photo now in the document; empty
    // when it does (a map of another aspect ratio would be stretched).
    QString shapeMismatch(const DecodedImage& map) const;

    DocumentController& controller_;
    NotificationBar& notification_;
    DisplayCache& displays_;
    QWidget* dialogParent_;
    ImageDecoder decoder_;
    QHash<quint64, Request> requests_;
    quint64 nextTicket_ = 1;
    quint64 latest_[4] = {};  // per slot
    QString openingText_;     // the "Opening …" message shown
};

}  // namespace depthstyle::ui
