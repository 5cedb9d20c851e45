#pragma once

#include <QImage>
#include <QStringList>
#include <vector>

namespace depthstyle::ui {

// The style pane's picture of several styles: each scaled to one height
// (at most `height` pixels) and set side by side, with its tag ("near",
// "far", or its share of the mix) in its lower left corner. One style:
// that picture as it is, untagged.
QImage styleStrip(const std::vector<QImage>& styles, const QStringList& tags, int height);

}  // namespace depthstyle::ui
