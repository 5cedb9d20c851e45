#include "png_metadata.h"

#include <QJsonDocument>

namespace depthstyle::doc {

std::vector<std::pair<std::string, std::string>> pngTextEntries(const Parameters& parameters) {
    return {{"Software", "DepthStyle " DEPTHSTYLE_VERSION},
            {"depthstyle",
             QJsonDocument(parameters.toJson()).toJson(QJsonDocument::Compact).toStdString()}};
}

}  // namespace depthstyle::doc
