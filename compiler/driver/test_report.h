// What `concord test` found, and its two renderings: the human report (one
// line per `expect`, the totals, the coverage) and the JSON document of
// `--format json`. The command plays the scenarios; this only words them.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "runtime/engine/timeline.h"
#include "runtime/report/timeline.h"

namespace concord::driver {

struct ScenarioOutcome {
  const engine::RunResult* run = nullptr;
  // Events the runtime refused and evaluation errors: a scenario with any is
  // invalid, and the test fails whatever its expectations say.
  std::vector<diag::Diagnostic> problems;
};

struct CoverageSummary {
  std::vector<engine::CoverageItem> items;  // the union over the scenarios run
  bool requested = false;
  double threshold = 0;
  double percent = 100.0;
  bool below_threshold() const { return requested && percent + 1e-9 < threshold; }
};

struct TestReport {
  std::vector<ScenarioOutcome> scenarios;
  CoverageSummary coverage;
  size_t passed = 0;
  size_t failed = 0;
  size_t invalid = 0;  // scenarios with problems
  bool ok() const { return failed == 0 && invalid == 0 && !coverage.below_threshold(); }
};

// Counts the expectations and invalid scenarios, and the coverage percentage.
void Tally(TestReport& report);

// The report on stdout for people; the problems go to stderr separately.
std::string RenderTestText(const TestReport& report, const report::Locator& where);

// One JSON document: every scenario with its expectations and problems (as
// the diagnostic objects of docs/diagnostics.md), the totals and, with
// --coverage, the coverage.
std::string RenderTestJson(const TestReport& report, const report::Locator& where,
                           const diag::SourceManager& sources);

}  // namespace concord::driver
