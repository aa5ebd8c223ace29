// Rendering a run for people and for scripts: the dated timeline, jury
// draws with what a reader needs to re-draw them, and the metrics, as text
// (`concord run`) or as one JSON document (`concord run --format json`).
// Both return strings and never print; both are byte-for-byte deterministic.
#pragma once

#include <functional>
#include <string>

#include "runtime/engine/timeline.h"

namespace concord::report {

// Turns a source range into `file:line:col` (or "" when unknown); the caller
// owns the sources, so the runtime does not depend on the compiler's.
using Locator = std::function<std::string(const diag::SourceRange&)>;

std::string RenderTimelineText(const engine::RunResult& run, const Locator& where);
std::string RenderTimelineJson(const engine::RunResult& run, const Locator& where);

// `R001 ×2, R003 ×14`: violations by code, in code order.
std::string SummarizeViolations(const engine::RunResult& run);

}  // namespace concord::report
