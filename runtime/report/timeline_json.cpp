// The timeline as one JSON document (keys in a fixed order, as
// nlohmann::ordered_json keeps them): the scenario, every entry with its
// code, location, notes and jury verification data, the metrics and the
// violation count. The schema is in docs/reference-runtime.md.
#include <nlohmann/json.hpp>

#include "runtime/interp/runtime_error.h"
#include "runtime/report/timeline.h"

namespace concord::report {
namespace {

using Json = nlohmann::ordered_json;

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

}  // namespace

std::string RenderTimelineJson(const engine::RunResult& run, const Locator& where) {
  const engine::ScenarioSpec& s = *run.scenario;
  Json root;
  root["scenario"] = s.name;
  root["title"] = s.title ? Json(*s.title) : Json();
  root["seed"] = s.seed;
  root["start"] = s.start.ToString();
  root["until"] = s.until.ToString();
  Json timeline = Json::array();
  for (const engine::Entry& e : run.timeline) {
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
    timeline.push_back(std::move(j));
  }
  root["timeline"] = std::move(timeline);
  Json metrics = Json::array();
  for (const engine::MetricValue& m : run.metrics) {
    metrics.push_back(Json{{"owner", m.owner}, {"name", m.name}, {"value", m.value}});
  }
  root["metrics"] = std::move(metrics);
  root["violations"] = run.ViolationCount();
  return root.dump(2) + "\n";
}

}  // namespace concord::report
