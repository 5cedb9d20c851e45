#include "contact_sheet.h"

#include <QPainter>
#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "depthstyle/image_io.h"
#include "local_path.h"

namespace depthstyle::ui {

QSize contactSheetSize(QSize cell, int rows, int columns) {
    return {columns * cell.width() + (columns + 1) * kSheetMargin,
            rows * (cell.height() + kSheetLabelHeight) + (rows + 1) * kSheetMargin};
}

QImage composeContactSheet(const std::vector<SheetCell>& cells, int columns, QFont font) {
    columns = std::max(columns, 1);
    const int rows = static_cast<int>((cells.size() + columns - 1) / columns);
    QSize box(1, 1);
    for (const SheetCell& c : cells) {
        box = box.expandedTo(c.picture.size());
    }
    QImage sheet(contactSheetSize(box, rows, columns), QImage::Format_RGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    font.setPixelSize(kSheetLabelHeight / 2);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (size_t i = 0; i < cells.size(); ++i) {
        const int row = static_cast<int>(i) / columns;
        const int column = static_cast<int>(i) % columns;
        const QPoint corner(kSheetMargin + column * (box.width() + kSheetMargin),
                            kSheetMargin + row * (box.height() + kSheetLabelHeight + kSheetMargin));
        const QImage& picture = cells[i].picture;
        painter.drawImage(corner + QPoint((box.width() - picture.width()) / 2,
                                          (box.height() - picture.height()) / 2),
                          picture);
        const QRect line(corner.x(), corner.y() + box.height(), box.width(), kSheetLabelHeight);
        painter.drawText(line, Qt::AlignCenter, cells[i].label);
    }
    painter.end();
    return sheet;
}

void writeContactSheet(const QString& path, const QImage& sheet) {
    const std::string file = doc::localPath(path);
    const QImage rgb = sheet.convertToFormat(QImage::Format_RGB888);
    const cv::Mat wrapped(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                          static_cast<size_t>(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(wrapped, bgr, cv::COLOR_RGB2BGR);
    checkOutputPath(file, bgr.size());
    writeEncodedAtomically(file, bgr, 95);
}

}  // namespace depthstyle::ui
