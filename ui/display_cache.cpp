#include "display_cache.h"

#include <algorithm>

namespace depthstyle::ui {

void DisplayCache::insert(quint64 imageId, const QImage& display) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [imageId](const auto& e) { return e.first == imageId; }),
                   entries_.end());
    entries_.emplace_back(imageId, display);
    while (entries_.size() > capacity_) {
        entries_.pop_front();
    }
}

QImage DisplayCache::find(quint64 imageId) const {
    for (const auto& [id, image] : entries_) {
        if (id == imageId) {
            return image;
        }
    }
    return {};
}

}  // namespace depthstyle::ui
