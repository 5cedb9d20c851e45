#pragma once

#include <QImage>
#include <QMetaType>
#include <QtGlobal>
#include <vector>

#include "document.h"

namespace depthstyle::ui {

// One cell of the Variations grid: the document with this beta and epsilon.
struct VariationValues {
    double beta = 0.0;
    double epsilon = 0.0;
    bool operator==(const VariationValues& o) const {
        return beta == o.beta && epsilon == o.epsilon;
    }
};

// The cells of a grid to render, in order, from the cached features of the
// preview lane's session. `id` names the document state they belong to
// (everything but beta and epsilon): cells of another id are stale.
struct VariationsRequest {
    quint64 id = 0;
    doc::Document document;
    std::vector<VariationValues> cells;
    int cellSide = 512;  // the longest side of a cell's picture
};

// One rendered cell: the exact render at the working size, scaled down to
// the request's cell side (area averaging), or the reason it failed.
struct VariationCell {
    quint64 id = 0;
    VariationValues values;
    QImage picture;
    QString error;
};

// The document a cell renders: `document` with the cell's beta and epsilon.
inline doc::Document variationDocument(doc::Document document, const VariationValues& values) {
    document.parameters.beta = values.beta;
    document.parameters.epsilon = values.epsilon;
    return document;
}

}  // namespace depthstyle::ui

Q_DECLARE_METATYPE(depthstyle::ui::VariationCell)
