// The timeline as text: one line per entry, `DATE  KIND  text`, with the
// code first for violations, indented notes and the verification data of
// each jury draw below; then the metrics on the last day and a summary.
#include <fmt/format.h>

#include <map>

#include "runtime/interp/runtime_error.h"
#include "runtime/report/timeline.h"

namespace concord::report {
namespace {

constexpr const char* kIndent = "                     ";  // under the text column

std::string Verify(const char* what, const lottery::Verification& v) {
  return fmt::format(
      "{}verify {}: seed \"{}\", domain \"{}\", pool [{}] ({} name{}), k {}, {} hash{}, "
      "sha256 #0 {}\n",
      kIndent, what, v.seed, v.domain, fmt::join(v.pool, ", "), v.pool.size(),
      v.pool.size() == 1 ? "" : "s", v.k, v.hashes_used, v.hashes_used == 1 ? "" : "es",
      v.first_digest_hex);
}

}  // namespace

std::string SummarizeViolations(const engine::RunResult& run) {
  std::map<std::string, size_t> counts;
  for (const engine::Entry& e : run.timeline) {
    if (e.code) ++counts[std::string(diag::Info(*e.code).name)];
  }
  std::vector<std::string> parts;
  for (const auto& [code, n] : counts) {
    parts.push_back(n == 1 ? code : fmt::format("{} ×{}", code, n));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string RenderTimelineText(const engine::RunResult& run, const Locator& where) {
  const engine::ScenarioSpec& s = *run.scenario;
  std::string out = fmt::format("scenario {}{}\n", s.name,
                                s.title ? fmt::format(" \"{}\"", *s.title) : std::string());
  out += fmt::format("plays {} to {}{}\n\n", s.start.ToString(), s.until.ToString(),
                     s.seed.empty() ? std::string() : fmt::format(", seed \"{}\"", s.seed));
  for (const engine::Entry& e : run.timeline) {
    std::string text = e.code ? fmt::format("{} {}", diag::Info(*e.code).name, e.text) : e.text;
    out += fmt::format("{}  {:<8} {}\n", e.date.ToString(), engine::EntryKindName(e.kind), text);
    if (e.code) {
      std::string at = where(e.range);
      if (!at.empty()) out += fmt::format("{}at {}\n", kIndent, at);
    }
    if (e.decision && !e.decision->rule.empty()) {
      std::string rule_at = where(e.decision->rule_range);
      if (!rule_at.empty()) out += fmt::format("{}rule at {}\n", kIndent, rule_at);
    }
    for (const std::string& n : e.notes) out += fmt::format("{}note: {}\n", kIndent, n);
    if (e.jury) {
      if (e.jury->jury_verification) out += Verify("jury", *e.jury->jury_verification);
      if (e.jury->delegate_verification) {
        out += Verify("delegates", *e.jury->delegate_verification);
      }
    }
  }
  out += fmt::format("\nmetrics on {}\n", s.until.ToString());
  for (const engine::MetricValue& m : run.metrics) {
    std::string name = m.owner.empty() ? m.name : m.owner + "." + m.name;
    out += fmt::format("  {:<40} {}\n", name, m.value);
  }
  size_t n = run.ViolationCount();
  out += fmt::format("\n{} violation{}{}\n", n, n == 1 ? "" : "s",
                     n == 0 ? std::string() : fmt::format(": {}", SummarizeViolations(run)));
  return out;
}

}  // namespace concord::report
