// Rendering a run for people and for scripts: the dated timeline, jury
// draws with what a reader needs to re-draw them, and the metrics, as text
// (`concord run`) or as one JSON document (`concord run --format json`).
// None of them prints; all are byte-for-byte deterministic, and the Write
// forms hand out the same bytes as the Render forms, a chunk at a time.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "runtime/engine/timeline.h"

namespace concord::report {

// Turns a source range into `file:line:col` (or "" when unknown); the caller
// owns the sources, so the runtime does not depend on the compiler's.
using Locator = std::function<std::string(const diag::SourceRange&)>;

// Receives the rendered document in order, a chunk at a time (tens of KiB),
// so a long run's text goes out as it is made instead of being held whole.
using TextSink = std::function<void(std::string_view chunk)>;

void WriteTimelineText(const engine::RunResult& run, const Locator& where, const TextSink& sink);
void WriteTimelineJson(const engine::RunResult& run, const Locator& where, const TextSink& sink);

std::string RenderTimelineText(const engine::RunResult& run, const Locator& where);
std::string RenderTimelineJson(const engine::RunResult& run, const Locator& where);

// `R001 ×2, R003 ×14`: violations by code, in code order.
std::string SummarizeViolations(const engine::RunResult& run);

}  // namespace concord::report
