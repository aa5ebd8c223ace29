// The discrete-event simulation: plays a scenario forward day by day over
// the calendar against the charters and treaties of a program. Same input,
// same seed, same result: state lives in ordered containers, members are
// kept in joining order, and nothing reads the clock.
//
// Within a day (docs/reference-runtime.md):
//   1. transitions at the start of the day: treaty activation, term end
//      (renewed by every party, or expired), exits whose notice has run,
//      rulings that expire, steward assignments for periods that begin;
//   2. the scenario's events of the day, in source order, each validated,
//      applied, then matched against the executable rules;
//   3. obligations whose period closes that day: revision cycles, ledger
//      reports, stress games, reflections, distress deadlines;
//   4. `expect on DATE` lines for that day.
#pragma once

#include "runtime/engine/input.h"
#include "runtime/engine/timeline.h"

namespace concord::engine {

RunResult Run(const ProgramSpec& program, const ScenarioSpec& scenario);

}  // namespace concord::engine
