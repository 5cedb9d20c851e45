#include "session_feeder.h"

namespace depthstyle::ui {

Session& SessionFeeder::sessionFor(const Document& d, const std::shared_ptr<const Models>& models) {
    if (!session_) {
        session_ = std::make_unique<Session>(models);
        applied_.reset();
    }
    const doc::Parameters& p = d.parameters;
    const bool depthChanged = !applied_ || !applied_->sameDepthSource(d);
    const bool contentChanged = !applied_ || !d.sameContentImage(*applied_);
    const bool styleChanged = !applied_ || !d.sameStyleInputs(*applied_);
    // Unset until every input is in place: when a step throws, the next
    // document sets every input again.
    const std::optional<Document> previous = applied_;
    applied_.reset();
    if (depthChanged) {
        session_->setDepthSource(p.depthSource());
    }
    if (contentChanged) {
        session_->setContent(*d.content.image, p.contentSize, d.content.label.toStdString());
    }
    if (styleChanged) {
        // Only the styles that changed are encoded again.
        const bool sizeChanged = !previous || previous->parameters.styleSize != p.styleSize;
        for (size_t i = 0; i < d.styleCount(); ++i) {
            const doc::ImageInput& style = d.styleAt(i);
            if (sizeChanged || i >= previous->styleCount() || previous->styleAt(i).id != style.id) {
                session_->setStyleAt(i, *style.image, p.styleSize, style.label.toStdString());
            }
        }
        session_->setStyleCount(d.styleCount());
    }
    applied_ = d;
    return *session_;
}

void SessionFeeder::reset() {
    session_.reset();
    applied_.reset();
}

SessionCounters SessionFeeder::counters() const {
    return session_ ? session_->counters() : SessionCounters{};
}

}  // namespace depthstyle::ui
