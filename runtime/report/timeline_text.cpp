// The timeline as text: one line per entry, `DATE  KIND  text`, with the
// code first for violations, indented notes and the verification data of
// each jury draw below; then the metrics on the last day and a summary.
// Rendered into a small buffer handed to a sink whenever it fills, so a run
// of millions of entries is written as it is rendered instead of being held
// as one string (183 MB at the federation's scale 1).
#include <fmt/format.h>

#include <iterator>
#include <map>

#include "runtime/interp/runtime_error.h"
#include "runtime/report/timeline.h"

namespace concord::report {
namespace {

constexpr const char* kIndent = "                     ";  // under the text column

// Big enough that a sink call (an fwrite) is rare, small enough to stay in cache.
constexpr size_t kFlushBytes = 64 * 1024;

void Verify(fmt::memory_buffer& out, const char* what, const lottery::Verification& v) {
  fmt::format_to(std::back_inserter(out),
                 "{}verify {}: seed \"{}\", domain \"{}\", pool [{}] ({} name{}), k {}, {} hash{}, "
                 "sha256 #0 {}\n",
                 kIndent, what, v.seed, v.domain, fmt::join(v.pool, ", "), v.pool.size(),
                 v.pool.size() == 1 ? "" : "s", v.k, v.hashes_used, v.hashes_used == 1 ? "" : "es",
                 v.first_digest_hex);
}

void RenderEntry(fmt::memory_buffer& out, const engine::Entry& e, const Locator& where) {
  auto to = std::back_inserter(out);
  if (e.code) {
    fmt::format_to(to, "{}  {:<8} {} {}\n", e.date.ToString(), engine::EntryKindName(e.kind),
                   diag::Info(*e.code).name, e.text);
    std::string at = where(e.range);
    if (!at.empty()) fmt::format_to(to, "{}at {}\n", kIndent, at);
  } else {
    fmt::format_to(to, "{}  {:<8} {}\n", e.date.ToString(), engine::EntryKindName(e.kind), e.text);
  }
  if (e.decision && !e.decision->rule.empty()) {
    std::string rule_at = where(e.decision->rule_range);
    if (!rule_at.empty()) fmt::format_to(to, "{}rule at {}\n", kIndent, rule_at);
  }
  for (const std::string& n : e.notes) fmt::format_to(to, "{}note: {}\n", kIndent, n);
  if (e.jury) {
    if (e.jury->jury_verification) Verify(out, "jury", *e.jury->jury_verification);
    if (e.jury->delegate_verification) Verify(out, "delegates", *e.jury->delegate_verification);
  }
}

void Flush(fmt::memory_buffer& out, const TextSink& sink) {
  sink(std::string_view(out.data(), out.size()));
  out.clear();
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

void WriteTimelineText(const engine::RunResult& run, const Locator& where, const TextSink& sink) {
  const engine::ScenarioSpec& s = *run.scenario;
  fmt::memory_buffer out;
  auto to = std::back_inserter(out);
  fmt::format_to(to, "scenario {}{}\n", s.name,
                 s.title ? fmt::format(" \"{}\"", *s.title) : std::string());
  fmt::format_to(to, "plays {} to {}{}\n\n", s.start.ToString(), s.until.ToString(),
                 s.seed.empty() ? std::string() : fmt::format(", seed \"{}\"", s.seed));
  for (const engine::Entry& e : run.timeline) {
    RenderEntry(out, e, where);
    if (out.size() >= kFlushBytes) Flush(out, sink);
  }
  fmt::format_to(to, "\nmetrics on {}\n", s.until.ToString());
  for (const engine::MetricValue& m : run.metrics) {
    std::string name = m.owner.empty() ? m.name : m.owner + "." + m.name;
    fmt::format_to(to, "  {:<40} {}\n", name, m.value);
  }
  size_t n = run.ViolationCount();
  fmt::format_to(to, "\n{} violation{}{}\n", n, n == 1 ? "" : "s",
                 n == 0 ? std::string() : fmt::format(": {}", SummarizeViolations(run)));
  Flush(out, sink);
}

std::string RenderTimelineText(const engine::RunResult& run, const Locator& where) {
  std::string text;
  WriteTimelineText(run, where, [&text](std::string_view chunk) { text += chunk; });
  return text;
}

}  // namespace concord::report
