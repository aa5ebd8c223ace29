#include "compiler/driver/test_report.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace concord::driver {
namespace {

using Json = nlohmann::ordered_json;

// The first three always get a line; the power kinds only in programs that
// have them, so coverage of charters without power reads as before.
constexpr const char* kCoverageKinds[] = {"rule", "obligation", "treaty clause", "decision rule"};
constexpr size_t kAlwaysShownKinds = 3;

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string RenderCoverage(const CoverageSummary& coverage) {
  std::string out = "\ncoverage\n";
  size_t covered = 0;
  for (size_t k = 0; k < std::size(kCoverageKinds); ++k) {
    const char* kind = kCoverageKinds[k];
    size_t n = 0, c = 0;
    for (const engine::CoverageItem& i : coverage.items) {
      if (i.kind != kind) continue;
      ++n;
      if (i.covered) ++c;
    }
    covered += c;
    if (n == 0 && k >= kAlwaysShownKinds) continue;
    out += fmt::format("  {:<15} {} of {}\n", fmt::format("{}s", kind), c, n);
  }
  out += fmt::format("  {:<15} {} of {} ({:.1f}%)\n", "total", covered, coverage.items.size(),
                     coverage.percent);
  bool header = false;
  for (const engine::CoverageItem& i : coverage.items) {
    if (i.covered) continue;
    if (!header) out += "  not exercised:\n";
    header = true;
    out += fmt::format("    {} {}\n", i.kind, i.name);
  }
  if (coverage.below_threshold()) {
    out += fmt::format("coverage {:.1f}% is below the threshold of {}%\n", coverage.percent,
                       coverage.threshold);
  }
  return out;
}

}  // namespace

void Tally(TestReport& report) {
  report.passed = report.failed = report.invalid = 0;
  for (const ScenarioOutcome& s : report.scenarios) {
    for (const engine::ExpectResult& r : s.run->expectations)
      ++(r.passed ? report.passed : report.failed);
    if (!s.problems.empty()) ++report.invalid;
  }
  size_t covered = 0;
  for (const engine::CoverageItem& i : report.coverage.items) covered += i.covered ? 1 : 0;
  const size_t total = report.coverage.items.size();
  report.coverage.percent =
      total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
}

std::string RenderTestText(const TestReport& report, const report::Locator& where) {
  std::string out;
  for (const ScenarioOutcome& s : report.scenarios) {
    const engine::RunResult& run = *s.run;
    out += fmt::format("scenario {} ({})\n", run.scenario->name, where(run.scenario->range));
    for (const engine::ExpectResult& r : run.expectations) {
      out += fmt::format("  {:<4}  {}  {}\n", r.passed ? "ok" : "FAIL", where(r.spec->range),
                         r.spec->source);
      if (r.passed) continue;
      out += fmt::format("        expected: {}\n", r.expected);
      out += fmt::format("        actual:   {}\n", r.actual);
    }
    if (run.expectations.empty()) out += "  (no expectations)\n";
    if (!s.problems.empty()) {
      out += fmt::format("  INVALID  the scenario has {} (shown on stderr)\n",
                         Plural(s.problems.size(), "problem", "problems"));
    }
  }
  out += fmt::format("{} passed, {} failed", report.passed, report.failed);
  if (report.invalid > 0) {
    out += fmt::format(", {}", Plural(report.invalid, "invalid scenario", "invalid scenarios"));
  }
  out += "\n";
  if (report.coverage.requested) out += RenderCoverage(report.coverage);
  return out;
}

std::string RenderTestJson(const TestReport& report, const report::Locator& where,
                           const diag::SourceManager& sources) {
  Json root;
  Json scenarios = Json::array();
  for (const ScenarioOutcome& s : report.scenarios) {
    const engine::RunResult& run = *s.run;
    Json j;
    j["scenario"] = run.scenario->name;
    j["location"] = where(run.scenario->range);
    j["valid"] = s.problems.empty();
    Json expectations = Json::array();
    for (const engine::ExpectResult& r : run.expectations) {
      Json x;
      x["location"] = where(r.spec->range);
      x["source"] = r.spec->source;
      x["passed"] = r.passed;
      x["expected"] = r.passed ? Json() : Json(r.expected);
      x["actual"] = r.passed ? Json() : Json(r.actual);
      expectations.push_back(std::move(x));
    }
    j["expectations"] = std::move(expectations);
    Json problems = Json::array();
    for (const diag::Diagnostic& d : s.problems) {
      problems.push_back(Json::parse(diag::RenderJsonOne(d, sources)));
    }
    j["problems"] = std::move(problems);
    scenarios.push_back(std::move(j));
  }
  root["scenarios"] = std::move(scenarios);
  root["passed"] = report.passed;
  root["failed"] = report.failed;
  root["invalid_scenarios"] = report.invalid;
  if (report.coverage.requested) {
    Json coverage;
    Json items = Json::array();
    for (const engine::CoverageItem& i : report.coverage.items) {
      items.push_back(Json{{"kind", i.kind}, {"name", i.name}, {"covered", i.covered}});
    }
    coverage["items"] = std::move(items);
    coverage["percent"] = std::round(report.coverage.percent * 10) / 10;
    coverage["threshold"] = report.coverage.threshold;
    coverage["below_threshold"] = report.coverage.below_threshold();
    root["coverage"] = std::move(coverage);
  }
  root["ok"] = report.ok();
  return root.dump(2) + "\n";
}

}  // namespace concord::driver
