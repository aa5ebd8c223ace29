// A treaty's page data; see site_data.h.
#include "compiler/publish/site_data.h"

namespace concord::publish {
namespace {

Json FundsData(const model::Treaty& treaty, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::Fund& f : treaty.funds) {
    Json cap;
    if (f.cap.value) cap = f.cap.value->ToString();
    out.push_back(Json{{"name", f.name},
                       {"title", f.title ? Json(*f.title) : Json()},
                       {"cap", cap},
                       {"floor", f.floor ? Json(f.floor->ToString()) : Json()},
                       {"per", f.per ? Json(f.per->ToString()) : Json()},
                       {"as_written", AsWritten(c, f.range)}});
  }
  return out;
}

Json CompatData(const compat::TreatyVerdict& verdict, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const compat::PartyVerdict& p : verdict.parties) {
    Json conflicts = Json::array();
    for (const diag::Diagnostic& d : p.conflicts) {
      conflicts.push_back(Json{{"code", std::string(diag::CodeName(d))},
                               {"message", d.message},
                               {"location", Location(c, d.range)}});
    }
    Json active = Json::array();
    for (const model::Treaty* t : p.active) active.push_back(t->name);
    out.push_back(Json{{"party", p.party},
                       {"verdict", p.compatible() ? "compatible" : "incompatible"},
                       {"active_alongside", active},
                       {"conflicts", conflicts}});
  }
  return out;
}

// The treaty's `status` metric at the end of each run that knows it.
Json StatusInRuns(const model::Treaty& treaty, const std::vector<Json>& runs) {
  Json out = Json::array();
  for (const Json& run : runs) {
    for (const Json& m : run["timeline"]["metrics"]) {
      if (m["owner"] == treaty.name && m["name"] == "status") {
        out.push_back(Json{{"run", run["name"]},
                           {"file", run["file"]},
                           {"until", run["timeline"]["until"]},
                           {"status", m["value"]}});
      }
    }
  }
  return out;
}

}  // namespace

Json TreatyData(const model::Treaty& treaty, const compat::TreatyVerdict& verdict,
                const pipeline::Compilation& c, const std::vector<Json>& runs) {
  Json parties = Json::array();
  for (const model::Field<std::string>& p : treaty.parties) parties.push_back(p.value);
  Json j;
  j["page"] = "treaty";
  j["name"] = treaty.name;
  j["title"] = treaty.title ? Json(*treaty.title) : Json();
  j["file"] = TreatyFile(treaty.name);
  j["location"] = Location(c, treaty.range);
  j["parties"] = parties;
  j["effective"] =
      treaty.effective.range.valid() ? Json(treaty.effective.value.ToString()) : Json();
  j["term"] = treaty.term.range.valid() ? Json(treaty.term.value.ToString()) : Json();
  j["renewal"] = treaty.renewal.value == ast::RenewalMode::kAutomatic ? "automatic" : "explicit";
  j["exit"] = treaty.exit.range.valid() ? Json(AsWritten(c, treaty.exit.range)) : Json();
  j["funds"] = FundsData(treaty, c);
  j["concord_violations"] = ConcordViolations(c, treaty.range);
  j["compat"] = CompatData(verdict, c);
  j["status_in_runs"] = StatusInRuns(treaty, runs);
  j["rules"] = RulesData(treaty.rules, c);
  return j;
}

}  // namespace concord::publish
