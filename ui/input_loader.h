#pragma once

#include <QObject>
#include <QPoint>
#include <QStringList>

class QWidget;

namespace depthstyle {
struct Image;
}

namespace depthstyle::ui {

class DocumentController;
class NotificationBar;
enum class ImageRole;

// Images into the document: opened, dropped, pasted, chosen from recent
// files, and depth maps. A file that is not a usable image leaves the
// document as it was and shows a message naming the file and the reason.
class InputLoader : public QObject {
    Q_OBJECT
public:
    InputLoader(DocumentController& controller, NotificationBar& notification,
                QWidget* dialogParent);

    bool open(const QString& path, ImageRole role);
    bool openDepthMap(const QString& path);
    void chooseAndOpen(ImageRole role);
    void chooseDepthMap();
    void paste(ImageRole role);
    void dropOnPane(const QStringList& paths, ImageRole role);
    // A drop on the result pane asks what the image is for.
    void dropOnResult(const QStringList& paths, QWidget* pane, const QPoint& position);

private:
    bool setImage(const Image& image, const QString& label, const QString& path, ImageRole role);

    DocumentController& controller_;
    NotificationBar& notification_;
    QWidget* dialogParent_;
};

}  // namespace depthstyle::ui
