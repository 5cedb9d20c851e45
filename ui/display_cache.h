#pragma once

#include <QImage>
#include <QtGlobal>
#include <deque>
#include <utility>

namespace depthstyle::ui {

// The screen-sized pictures of the latest loaded images, by image id, so
// that showing an image again (an undo, a redo) costs no conversion of the
// full image on the window's thread. Keeps the most recent few.
class DisplayCache {
public:
    explicit DisplayCache(std::size_t capacity = 12) : capacity_(capacity) {}

    void insert(quint64 imageId, const QImage& display);
    // A null image when `imageId` is not kept.
    QImage find(quint64 imageId) const;

private:
    std::size_t capacity_;
    std::deque<std::pair<quint64, QImage>> entries_;  // newest last
};

}  // namespace depthstyle::ui
