// Snapshot benchmark (bench/snapshot.sh): for each scenario of the files
// given, the CPU time of the whole run, of the run that also takes a
// snapshot at the end of DAY (default: the last day with an event), and of
// restoring that snapshot and playing on to the end; the snapshot's size;
// and whether the resumed run renders as the whole run after DAY (it must).
//
//   snapshot_bench [--day YYYY-MM-DD] [--engine interp|jit] FILES...
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/snapshot.h"
#include "runtime/jit/tiering.h"
#include "runtime/report/timeline.h"

namespace {

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace concord;
  std::optional<values::Date> day;
  std::string engine_name = "interp";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--day" && i + 1 < argc) {
      day = values::Date::Parse(argv[++i]);
      if (!day) {
        fmt::print(stderr, "snapshot_bench: --day wants YYYY-MM-DD\n");
        return 2;
      }
    } else if (arg == "--engine" && i + 1 < argc) {
      engine_name = argv[++i];
    } else {
      files.push_back(arg);
    }
  }
  double t0 = CpuSeconds();
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(files);
  if (c->io_error || c->diags.has_errors() || !c->model) {
    fmt::print(stderr, "snapshot_bench: the files do not compile\n");
    return 2;
  }
  ir::Module module;
  scenario::Inputs inputs = scenario::BuildInputs(*c->checked, *c->model, module);
  if (inputs.error) return 2;
  std::vector<const engine::ScenarioSpec*> all;
  for (const engine::ScenarioSpec& s : inputs.scenarios) all.push_back(&s);
  jit::EngineSession session({engine_name, false}, module, inputs.program, all);
  report::Locator where = scenario::MakeLocator(c->program->sources);
  fmt::print("compile: {:.2f} s CPU\n", CpuSeconds() - t0);
  int status = 0;
  for (const engine::ScenarioSpec& s : inputs.scenarios) {
    values::Date at = s.start;
    for (const engine::EventSpec& e : s.events) at = std::max(at, std::min(e.date, s.until));
    if (day) at = *day;
    double t1 = CpuSeconds();
    engine::RunResult whole = engine::Run(inputs.program, s);
    double t2 = CpuSeconds();
    engine::SnapshotRun taken = engine::RunWithSnapshot(inputs.program, s, at);
    double t3 = CpuSeconds();
    if (!taken.snapshot) {
      fmt::print("{}: no snapshot at {}: {}\n", s.name, at.ToString(), taken.why_none);
      continue;
    }
    engine::ResumedRun resumed = engine::ResumeFromSnapshot(inputs.program, s, *taken.snapshot);
    double t4 = CpuSeconds();
    // Of restoring, what checking the envelope (SHA-256) and parsing the CBOR costs.
    std::string refused;
    engine::SnapshotDay(*taken.snapshot, &refused);
    double opening = CpuSeconds() - t4;
    // A resumed run's timeline is the entries after the snapshot's day.
    engine::RunResult after = whole;
    std::erase_if(after.timeline, [&](const engine::Entry& e) { return e.date <= at; });
    bool same =
        resumed.run &&
        report::RenderTimelineText(*resumed.run, where) ==
            report::RenderTimelineText(after, where) &&
        report::RenderTimelineJson(*resumed.run, where) == report::RenderTimelineJson(after, where);
    if (!same) status = 1;
    fmt::print(
        "{}: {} events, {} timeline entries; whole run {:.3f} s; with a snapshot at {} {:.3f} s; "
        "restore and play on {:.3f} s (opening the bytes {:.3f} s); snapshot {} bytes; resumed "
        "run {}\n",
        s.name, s.events.size(), whole.timeline.size(), t2 - t1, at.ToString(), t3 - t2, t4 - t3,
        opening, taken.snapshot->size(), same ? "identical" : "DIFFERS: " + resumed.refused);
  }
  return status;
}
