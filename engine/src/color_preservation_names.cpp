// The colour-preservation modes' names (the sidecar's and the command
// line's), apart from the colour arithmetic.
#include "depthstyle/color_preservation.h"

namespace depthstyle {

const char* colorPreservationName(ColorPreservation mode) {
    switch (mode) {
        case ColorPreservation::StyleToContent:
            return "style-to-content";
        case ColorPreservation::Luminance:
            return "luminance";
        case ColorPreservation::None:
            break;
    }
    return "none";
}

std::optional<ColorPreservation> colorPreservationFromName(const std::string& name) {
    for (ColorPreservation mode : {ColorPreservation::None, ColorPreservation::StyleToContent,
                                   ColorPreservation::Luminance}) {
        if (name == colorPreservationName(mode)) {
            return mode;
        }
    }
    return std::nullopt;
}

}  // namespace depthstyle
