#pragma once

#include <atomic>
#include <functional>

namespace depthstyle {

enum class Stage { Depth, ContentEncoding, StyleEncoding, AdaIN, StrengthMap, Decoding };

const char* stageName(Stage stage);

// What a long computation reports and obeys. `report` (optional) receives the
// stage and the fraction of it done, in [0,1], on the computing thread and
// outside any parallel region; it may throw, and the engine lets what it
// throws through (measurement_turns.cpp ends a step that way). `cancel`
// (optional) is read between layers; when it is true the computation stops
// with EngineError(Cancelled) and the session keeps its previous caches.
struct Progress {
    std::function<void(Stage, double)> report;
    const std::atomic<bool>* cancel = nullptr;

    // Reports and then throws when cancelled.
    void step(Stage stage, double fraction) const;
    bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

}  // namespace depthstyle
