#pragma once

#include <memory>
#include <optional>

#include "depthstyle/session.h"
#include "document.h"

namespace depthstyle::ui {

using doc::Document;

// A session that follows documents: it hands the session only the inputs
// that changed since the last document (Document::sameContentInputs and
// sameStyleInputs are the one definition of the cache keys), so beta,
// epsilon and alpha changes reuse the cached features.
class SessionFeeder {
public:
    // The session for `document`, made over `models` when there is none.
    Session& sessionFor(const Document& document, const std::shared_ptr<const Models>& models);
    void reset();
    bool hasSession() const { return session_ != nullptr; }
    SessionCounters counters() const;

private:
    std::unique_ptr<Session> session_;
    std::optional<Document> applied_;
};

}  // namespace depthstyle::ui
