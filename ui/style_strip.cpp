#include "style_strip.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

namespace depthstyle::ui {

QImage styleStrip(const std::vector<QImage>& styles, const QStringList& tags, int height) {
    if (styles.size() == 1) {
        return styles.front();
    }
    int h = 0;
    for (const QImage& style : styles) {
        h = std::max(h, style.height());
    }
    h = std::min(h, height);
    constexpr int kGap = 6;
    std::vector<QImage> scaled;
    int width = 0;
    for (const QImage& style : styles) {
        scaled.push_back(style.scaledToHeight(h, Qt::SmoothTransformation));
        width += scaled.back().width() + kGap;
    }
    QImage strip(std::max(1, width - kGap), std::max(1, h), QImage::Format_ARGB32_Premultiplied);
    strip.fill(Qt::transparent);
    QPainter painter(&strip);
    QFont font = painter.font();
    font.setPixelSize(std::max(10, h / 12));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    int x = 0;
    for (size_t i = 0; i < scaled.size(); ++i) {
        painter.drawImage(x, 0, scaled[i]);
        const QString tag = tags.value(qsizetype(i));
        if (!tag.isEmpty()) {
            const QRect box(x + 4, h - metrics.height() - 8, metrics.horizontalAdvance(tag) + 8,
                            metrics.height() + 4);
            painter.fillRect(box, QColor(0, 0, 0, 170));
            painter.setPen(Qt::white);
            painter.drawText(box, Qt::AlignCenter, tag);
        }
        x += scaled[i].width() + kGap;
    }
    return strip;
}

}  // namespace depthstyle::ui
