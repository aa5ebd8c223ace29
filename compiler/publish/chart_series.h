// The charts of a run page: the runtime's own end-of-run metrics (members,
// fund balances, treaty status, each charter's metrics) sampled over time by
// replaying the scenario up to successive dates, and the revision cycles
// met and missed read from the timeline. Nothing is recomputed here: every
// value is one the engine reported.
#pragma once

#include "compiler/publish/site_data.h"
#include "runtime/engine/input.h"
#include "runtime/values/date.h"

namespace concord::publish {

// The dates the metrics are sampled on: the start, then every month (or a
// longer step for long scenarios, at most kMaxSamples), then the last day.
inline constexpr int kMaxSamples = 49;
std::vector<values::Date> SampleDates(values::Date start, values::Date until);

// {"charts": [...], "revision_cycles": [...]} for the run page. `timeline`
// is the full run's document (report::RenderTimelineJson).
Json ChartsData(const engine::ProgramSpec& program, const engine::ScenarioSpec& scenario,
                const Json& timeline);

}  // namespace concord::publish
