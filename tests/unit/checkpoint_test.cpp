// Checkpoints (runtime/engine/engine.h, RunWithCheckpoints) against separate
// runs: for every scenario of tests/scenarios and of examples/, on both
// engines, the result taken at the end of a day while the run goes on must
// render byte for byte as the run of the same scenario cut at that day, and
// the run itself as if no checkpoint had been taken. `concord status`
// relies on it: its present is a checkpoint of the look-ahead's play.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/jit/tiering.h"
#include "runtime/report/timeline.h"
#include "tests/unit/run_views.h"

namespace concord::engine {
namespace {

// The scenario as a run ending on `day` plays it: no event dated later, no
// `expect` line. Events outside the whole run are left out too: the run
// reported them (R034) before its first day, and so does each checkpoint.
ScenarioSpec CutAt(const ScenarioSpec& scenario, Date day) {
  ScenarioSpec cut = scenario;
  cut.until = day;
  cut.expectations.clear();
  cut.events.clear();
  for (const EventSpec& e : scenario.events) {
    if (scenario.start <= e.date && e.date <= day) cut.events.push_back(e);
  }
  return cut;
}

// The run of the scenario cut at `day`, with the R034 entries of the whole
// run (events outside it) where the run has them, after the first day's
// setup, as a checkpoint has them.
RunResult RunCut(const ProgramSpec& program, const ScenarioSpec& cut, const RunResult& whole) {
  RunResult alone = Run(program, cut);
  auto is_outside = [](const Entry& e) { return e.code == diag::Code::R034; };
  auto first = std::find_if(whole.timeline.begin(), whole.timeline.end(), is_outside);
  auto last = std::find_if_not(first, whole.timeline.end(), is_outside);
  auto at = alone.timeline.begin() +
            std::min<std::ptrdiff_t>(first - whole.timeline.begin(), alone.timeline.size());
  alone.timeline.insert(at, first, last);
  return alone;
}

// Compiles `files` and checks every scenario in them on `engine_name`,
// with the timeline limited to `limit` entries when given (R035: the run
// stops early). False when the files do not compile (a golden of errors).
bool CheckFiles(const std::vector<std::string>& files, const std::string& engine_name,
                std::optional<size_t> limit = std::nullopt) {
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(files);
  if (c->io_error || c->diags.has_errors() || !c->model) return false;
  ir::Module module;
  scenario::Inputs inputs = scenario::BuildInputs(*c->checked, *c->model, module);
  REQUIRE_FALSE(inputs.error);
  if (limit) inputs.program.max_timeline_entries = *limit;
  std::vector<const ScenarioSpec*> all;
  for (const ScenarioSpec& s : inputs.scenarios) all.push_back(&s);
  jit::EngineSession session({engine_name, false}, module, inputs.program, all);
  report::Locator where = scenario::MakeLocator(c->program->sources);
  for (const ScenarioSpec& s : inputs.scenarios) {
    std::vector<Date> days = DaysOf(s);
    // The day before the start and the day after the end are not played.
    std::vector<Date> asked = days;
    asked.push_back(s.start.AddDays(-1));
    asked.push_back(s.until.AddDays(1));
    CheckpointedRun checked = RunWithCheckpoints(inputs.program, s, asked);
    INFO("scenario " << s.name << " on " << engine_name);
    CHECK(Rendered(checked.run, where) == Rendered(Run(inputs.program, s), where));
    REQUIRE(checked.at.size() == asked.size());
    CHECK_FALSE(checked.at[days.size()]);
    CHECK_FALSE(checked.at[days.size() + 1]);
    for (size_t i = 0; i < days.size(); ++i) {
      INFO("checkpoint " << days[i].ToString());
      ScenarioSpec cut = CutAt(s, days[i]);
      RunResult alone = RunCut(inputs.program, cut, checked.run);
      // A run that stopped early (R035, R036) before the day has no result there.
      if (!checked.at[i]) {
        CHECK(StoppedEarly(checked.run));
        continue;
      }
      RunResult at = std::move(*checked.at[i]);
      at.scenario = &cut;  // the header shows the cut run's dates
      CHECK(Rendered(at, where) == Rendered(alone, where));
      CHECK(at.expectations.empty());
    }
  }
  return true;
}

const fs::path kSource = CONCORD_SOURCE_DIR;

TEST_CASE("a checkpoint is the run cut at its day: tests/scenarios, both engines") {
  for (const std::string& file : ConcordFiles(kSource / "tests" / "scenarios")) {
    INFO(file);
    for (const char* engine : {"interp", "jit"}) CHECK(CheckFiles({file}, engine));
  }
}

TEST_CASE("a checkpoint is the run cut at its day: examples, both engines") {
  for (const char* engine : {"interp", "jit"}) {
    CHECK(CheckFiles(ConcordFiles(kSource / "examples"), engine));
  }
}

TEST_CASE("a checkpoint is the run cut at its day: every golden run that compiles") {
  size_t checked = 0;
  for (const std::string& file : ConcordFiles(kSource / "tests" / "golden" / "run")) {
    INFO(file);
    for (const char* engine : {"interp", "jit"}) checked += CheckFiles({file}, engine) ? 1 : 0;
  }
  CHECK(checked >= 100);  // the goldens of errors aside
}

TEST_CASE("a run stopped early (R035) has no checkpoint past the day it stopped") {
  // Limits that stop the examples' runs early, late and in between.
  for (size_t limit : {size_t{5}, size_t{40}, size_t{200}}) {
    INFO("timeline limit " << limit);
    for (const char* engine : {"interp", "jit"}) {
      CHECK(CheckFiles(ConcordFiles(kSource / "examples"), engine, limit));
    }
  }
}

}  // namespace
}  // namespace concord::engine
