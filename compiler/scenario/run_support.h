// What `concord run` and `concord test` share once a program compiled:
// choosing scenarios by name, locating ranges for the timeline, and turning
// the problems a run found in the scenario itself (invalid events,
// evaluation errors) into ordinary diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "runtime/engine/timeline.h"
#include "runtime/report/timeline.h"

namespace concord::scenario {

// The scenarios named `name` (all when empty); none when no scenario has it.
std::vector<const engine::ScenarioSpec*> SelectScenarios(
    const std::vector<engine::ScenarioSpec>& all, const std::string& name);

// `file:line:col` for a range, "" for none.
report::Locator MakeLocator(const diag::SourceManager& sources);

// Invalid events (R03x) and evaluation errors (R02x, in the timeline or in a
// metric on the last day) of a run, as
// diagnostics: mistakes in the scenario or program to fix, unlike obligations
// missed, which are part of the history the timeline tells.
//
// `concord test` skips the ones an `expect violation CODE [on DATE]` line
// anticipates: a scenario may show on purpose that an event is refused.
enum class Anticipation { kInclude, kSkip };
std::vector<diag::Diagnostic> ProblemsOf(const engine::RunResult& run,
                                         Anticipation anticipation = Anticipation::kInclude);

}  // namespace concord::scenario
