#pragma once

#include <QString>
#include <exception>

namespace depthstyle::ui {

// An error as the window shows it, in the user's language: a file's error
// reads "'file': reason" with the reason translated where it is one of the
// engine's fixed reasons (or starts with one, before ": " or " ("); reasons
// that carry numbers or a library's own words keep the engine's English.
QString errorText(const std::exception& error);

}  // namespace depthstyle::ui
