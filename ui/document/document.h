#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <memory>
#include <vector>

#include "depthstyle/image.h"
#include "parameters.h"

namespace depthstyle::doc {

// An input image as loaded; `id` changes with every load, so that a session
// knows when to encode again.
struct ImageInput {
    std::shared_ptr<const Image> image;
    QString label;  // file name, or "pasted image"
    quint64 id = 0;
    bool empty() const { return !image; }
};

// The document: the two images and every parameter. Undo and redo restore
// it; every render and export is asked for by a copy of it.
struct Document {
    ImageInput content;
    QString contentPath;  // empty for a pasted image
    ImageInput style;
    QString stylePath;
    // Styles after the first (style interpolation, near and far styles),
    // with their paths (empty for a pasted image).
    std::vector<ImageInput> moreStyles;
    QStringList moreStylePaths;
    Parameters parameters;

    bool complete() const { return !content.empty() && !style.empty(); }
    size_t styleCount() const { return 1 + moreStyles.size(); }
    const ImageInput& styleAt(size_t i) const { return i == 0 ? style : moreStyles[i - 1]; }

    // The one definition of what a session's caches depend on. The scaled
    // content, its depth and its features: the content image, its size and
    // the depth source.
    bool sameContentInputs(const Document& other) const {
        return sameContentImage(other) && sameDepthSource(other);
    }
    // The scaled content and its features.
    bool sameContentImage(const Document& other) const {
        return content.id == other.content.id &&
               parameters.contentSize == other.parameters.contentSize;
    }
    bool sameDepthSource(const Document& other) const {
        const Parameters& a = parameters;
        const Parameters& b = other.parameters;
        return a.depthFromFile == b.depthFromFile &&
               (!a.depthFromFile ||
                (a.depthPath == b.depthPath && a.depthIsDistance == b.depthIsDistance));
    }
    // The scaled styles and their features.
    bool sameStyleInputs(const Document& other) const {
        if (styleCount() != other.styleCount() ||
            parameters.styleSize != other.parameters.styleSize) {
            return false;
        }
        for (size_t i = 0; i < styleCount(); ++i) {
            if (styleAt(i).id != other.styleAt(i).id) {
                return false;
            }
        }
        return true;
    }
    // The cached anchor decodes (P = 0 and P = 1): the scaled content and
    // style, and the colour preservation they were decoded with.
    // Near and far styles blend by the proximity, so their anchors depend on
    // the depth, its levels and its edit too.
    bool sameAnchorInputs(const Document& other) const {
        const Parameters& a = parameters;
        const Parameters& b = other.parameters;
        const bool nearFar = a.styleMix.kind == StyleMix::Kind::NearFar;
        return sameContentImage(other) && sameStyleInputs(other) &&
               a.preserveColor == b.preserveColor && a.styleMix == b.styleMix &&
               (!nearFar || (sameDepthSource(other) && a.depthLevels == b.depthLevels &&
                             a.depthEdit == b.depthEdit));
    }
    // Everything that makes a picture: inputs and parameters.
    bool samePicture(const Document& other) const {
        return sameContentInputs(other) && sameStyleInputs(other) && parameters == other.parameters;
    }
};

}  // namespace depthstyle::doc

Q_DECLARE_METATYPE(depthstyle::doc::Document)
