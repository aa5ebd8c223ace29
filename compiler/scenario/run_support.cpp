// Helpers shared by `concord run` and `concord test`; see run_support.h.
#include "compiler/scenario/run_support.h"

#include <fmt/format.h>

namespace concord::scenario {

std::vector<const engine::ScenarioSpec*> SelectScenarios(
    const std::vector<engine::ScenarioSpec>& all, const std::string& name) {
  std::vector<const engine::ScenarioSpec*> out;
  for (const engine::ScenarioSpec& s : all) {
    if (name.empty() || s.name == name) out.push_back(&s);
  }
  return out;
}

report::Locator MakeLocator(const diag::SourceManager& sources) {
  return [&sources](const diag::SourceRange& r) -> std::string {
    if (r.file == diag::kNoFile || r.file >= sources.file_count()) return {};
    diag::LineColumn lc = sources.Position(r.file, r.begin);
    return fmt::format("{}:{}:{}", sources.Path(r.file), lc.line, lc.column);
  };
}

namespace {

// An `expect violation CODE [on DATE]` line of the scenario names this entry.
bool Anticipated(const engine::RunResult& run, const engine::Entry& e) {
  for (const engine::ExpectSpec& x : run.scenario->expectations) {
    if (x.kind != engine::ExpectKind::kViolation) continue;
    if (diag::Info(*e.code).name != x.code) continue;
    if (!x.date || *x.date == e.date) return true;
  }
  return false;
}

}  // namespace

std::vector<diag::Diagnostic> ProblemsOf(const engine::RunResult& run, Anticipation anticipation) {
  std::vector<diag::Diagnostic> out;
  for (const engine::Entry& e : run.timeline) {
    if (!e.code) continue;
    if (e.kind != engine::EntryKind::kInvalid && e.kind != engine::EntryKind::kError) continue;
    if (anticipation == Anticipation::kSkip && Anticipated(run, e)) continue;
    diag::Diagnostic d{*e.code, diag::Severity::Error, e.range, e.text, {}, {}, {}, {}, {}};
    d.labels = e.labels;
    for (const std::string& n : e.notes) d.notes.push_back({n, {}});
    d.notes.push_back(
        {fmt::format("in scenario `{}` on {}", run.scenario->name, e.date.ToString()), {}});
    out.push_back(std::move(d));
  }
  for (const engine::MetricValue& m : run.metrics) {
    if (!m.error) continue;
    diag::Diagnostic d = m.error->ToDiagnostic();
    d.notes.push_back({fmt::format("in scenario `{}`, in the metrics on {}", run.scenario->name,
                                   run.scenario->until.ToString()),
                       {}});
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace concord::scenario
