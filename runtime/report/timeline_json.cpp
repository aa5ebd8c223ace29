// The timeline as one JSON document (keys in a fixed order, as
// nlohmann::ordered_json keeps them): the scenario, every entry with its
// code, location, notes and jury verification data, the metrics and the
// violation count. The schema is in docs/reference-runtime.md.
// The document is written an entry at a time, never built whole: a JSON tree
// of a million entries costs gigabytes. The bytes are those of the whole
// tree's dump(2): the head and the tail are dumped as objects of their own
// and joined, and each entry is dumped alone and indented to its depth
// (JSON strings escape their newlines, so every line break is the dump's).
#include <nlohmann/json.hpp>

#include "runtime/interp/runtime_error.h"
#include "runtime/report/timeline.h"

namespace concord::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kIndent = 2;
constexpr std::string_view kEntryIndent = "    ";  // an entry's depth: root, then "timeline"
constexpr size_t kFlushBytes = 64 * 1024;

Json VerificationJson(const lottery::Verification& v) {
  Json j;
  j["seed"] = v.seed;
  j["domain"] = v.domain;
  j["pool"] = v.pool;
  j["k"] = v.k;
  j["hashes_used"] = v.hashes_used;
  j["first_digest"] = v.first_digest_hex;
  return j;
}

Json EntryJson(const engine::Entry& e, const Locator& where) {
  Json j;
  j["date"] = e.date.ToString();
  j["kind"] = engine::EntryKindName(e.kind);
  j["subject"] = e.subject;
  j["text"] = e.text;
  j["code"] = e.code ? Json(std::string(diag::Info(*e.code).name)) : Json();
  std::string at = where(e.range);
  j["location"] = at.empty() ? Json() : Json(at);
  j["notes"] = e.notes;
  if (e.jury) {
    Json jury;
    jury["dispute"] = e.jury->dispute;
    jury["jurors"] = e.jury->jurors;
    jury["delegates"] = e.jury->delegates;
    if (e.jury->jury_verification) {
      jury["jury_verification"] = VerificationJson(*e.jury->jury_verification);
    }
    if (e.jury->delegate_verification) {
      jury["delegate_verification"] = VerificationJson(*e.jury->delegate_verification);
    }
    j["jury"] = std::move(jury);
  }
  if (e.decision) {
    const engine::DecisionTally& d = *e.decision;
    Json decision;
    decision["proposal"] = d.proposal;
    decision["matter"] = d.matter;
    decision["polity"] = d.polity;
    decision["outcome"] = d.outcome;
    decision["round"] = d.round;
    decision["yes"] = d.yes;
    decision["no"] = d.no;
    decision["abstain"] = d.abstain;
    decision["block"] = d.block;
    decision["object"] = d.object;
    decision["eligible"] = d.eligible;
    decision["eligible_kind"] = d.eligible_kind;
    decision["rule"] = d.rule.empty() ? Json() : Json(d.rule);
    std::string rule_at = where(d.rule_range);
    decision["rule_location"] = rule_at.empty() ? Json() : Json(rule_at);
    j["decision"] = std::move(decision);
  }
  return j;
}

// Appends `text` with every line indented as an element of the timeline array.
void AppendIndented(std::string& out, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    out += kEntryIndent;
    out += text.substr(start, end - start);
    start = end;
  }
}

}  // namespace

void WriteTimelineJson(const engine::RunResult& run, const Locator& where, const TextSink& sink) {
  const engine::ScenarioSpec& s = *run.scenario;
  Json head;
  head["scenario"] = s.name;
  head["title"] = s.title ? Json(*s.title) : Json();
  head["seed"] = s.seed;
  head["start"] = s.start.ToString();
  head["until"] = s.until.ToString();
  std::string out = head.dump(kIndent);
  out.resize(out.size() - 2);  // "\n}": the object goes on
  out += ",\n  \"timeline\": ";
  if (run.timeline.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    bool first = true;
    for (const engine::Entry& e : run.timeline) {
      if (!first) out += ",\n";
      first = false;
      AppendIndented(out, EntryJson(e, where).dump(kIndent));
      if (out.size() >= kFlushBytes) {
        sink(out);
        out.clear();
      }
    }
    out += "\n  ]";
  }
  Json tail;
  Json metrics = Json::array();
  for (const engine::MetricValue& m : run.metrics) {
    metrics.push_back(Json{{"owner", m.owner}, {"name", m.name}, {"value", m.value}});
  }
  tail["metrics"] = std::move(metrics);
  tail["violations"] = run.ViolationCount();
  out += ",";
  out += tail.dump(kIndent).substr(1);  // drops "{": the object began with the head
  out += "\n";
  sink(out);
}

std::string RenderTimelineJson(const engine::RunResult& run, const Locator& where) {
  std::string text;
  WriteTimelineJson(run, where, [&text](std::string_view chunk) { text += chunk; });
  return text;
}

}  // namespace concord::report
