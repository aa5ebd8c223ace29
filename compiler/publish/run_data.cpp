// A run page's data and the front page's; see site_data.h.
#include <algorithm>
#include <set>

#include "compiler/publish/chart_series.h"
#include "compiler/publish/site_data.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/report/timeline.h"

namespace concord::publish {
namespace {

bool IsWordChar(char ch) {
  auto u = static_cast<unsigned char>(ch);
  return std::isalnum(u) || ch == '_' || u >= 0x80;
}

// Whether `word` appears in `text` as a whole identifier.
bool Mentions(const std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !IsWordChar(text[at - 1]);
    size_t end = at + word.size();
    bool ends = end == text.size() || !IsWordChar(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

// The charters and treaties an entry concerns: its subject, or the ones its
// text names (a dispute's entry names the polity it is filed in).
Json PolitiesOf(const Json& entry, const std::vector<std::string>& polities) {
  Json out = Json::array();
  std::string subject = entry["subject"];
  std::string text = entry["text"];
  for (const std::string& p : polities) {
    if (subject == p || Mentions(text, p)) out.push_back(p);
  }
  return out;
}

void AddDraw(Json& draws, const Json& entry, const char* role, const Json& members,
             const Json& verification) {
  draws.push_back(Json{{"id", "draw-" + std::to_string(draws.size() + 1)},
                       {"date", entry["date"]},
                       {"dispute", entry["jury"]["dispute"]},
                       {"role", role},
                       {"members", members},
                       {"verification", verification}});
}

}  // namespace

Json RunData(const engine::ProgramSpec& program, const engine::ScenarioSpec& scenario,
             const pipeline::Compilation& c, const std::string& origin) {
  engine::RunResult run = engine::Run(program, scenario);
  Json timeline =
      Json::parse(report::RenderTimelineJson(run, scenario::MakeLocator(c.program->sources)));
  std::vector<std::string> names;
  for (const model::Charter& ch : c.model->charters) names.push_back(ch.name);
  for (const model::Treaty& t : c.model->treaties) names.push_back(t.name);
  std::set<std::string> kinds;
  std::set<std::string> used;
  Json entry_polities = Json::array();
  Json draws = Json::array();
  for (const Json& e : timeline["timeline"]) {
    kinds.insert(e["kind"].get<std::string>());
    Json polities = PolitiesOf(e, names);
    for (const Json& p : polities) used.insert(p.get<std::string>());
    entry_polities.push_back(std::move(polities));
    if (!e.contains("jury")) continue;
    const Json& jury = e["jury"];
    if (jury.contains("jury_verification")) {
      AddDraw(draws, e, "jury", jury["jurors"], jury["jury_verification"]);
    }
    if (jury.contains("delegate_verification")) {
      AddDraw(draws, e, "external delegates", jury["delegates"], jury["delegate_verification"]);
    }
  }
  Json polities = Json::array();
  for (const std::string& n : names) {
    if (used.contains(n)) polities.push_back(n);
  }
  Json j;
  j["page"] = "run";
  j["name"] = scenario.name;
  j["title"] = scenario.title ? Json(*scenario.title) : Json();
  j["file"] = RunFile(scenario.name);
  j["origin"] = origin;
  j["internal_error"] = run.internal_error ? Json(*run.internal_error) : Json();
  j["violations_by_code"] = report::SummarizeViolations(run);
  j["polities"] = polities;
  j["kinds"] = Json(std::vector<std::string>(kinds.begin(), kinds.end()));
  j["entry_polities"] = entry_polities;
  j["draws"] = draws;
  Json charts = ChartsData(program, scenario, timeline);
  j["charts"] = charts["charts"];
  j["revision_cycles"] = charts["revision_cycles"];
  j["timeline"] = std::move(timeline);
  return j;
}

Json IndexData(const std::vector<Json>& charters, const std::vector<Json>& treaties,
               const std::vector<Json>& runs) {
  Json cs = Json::array();
  for (const Json& ch : charters) {
    cs.push_back(Json{{"name", ch["name"]},
                      {"title", ch["title"]},
                      {"file", ch["file"]},
                      {"concord", ch["concord"]["name"]},
                      {"verdict", ch["concord"]["verdict"]}});
  }
  Json ts = Json::array();
  for (const Json& t : treaties) {
    bool compatible = std::all_of(t["compat"].begin(), t["compat"].end(),
                                  [](const Json& p) { return p["verdict"] == "compatible"; });
    ts.push_back(Json{{"name", t["name"]},
                      {"title", t["title"]},
                      {"file", t["file"]},
                      {"parties", t["parties"]},
                      {"compat", compatible ? "every party can sign" : "some party cannot sign"}});
  }
  Json rs = Json::array();
  for (const Json& r : runs) {
    rs.push_back(Json{{"name", r["name"]},
                      {"title", r["title"]},
                      {"file", r["file"]},
                      {"origin", r["origin"]},
                      {"entries", r["timeline"]["timeline"].size()},
                      {"violations", r["timeline"]["violations"]},
                      {"draws", r["draws"].size()}});
  }
  Json j;
  j["page"] = "index";
  j["charters"] = cs;
  j["treaties"] = ts;
  j["runs"] = rs;
  return j;
}

}  // namespace concord::publish
