// A charter's page data; see site_data.h. Sections are shown as written in
// the charter (the clause's own text) next to the few facts the page
// structures: a reader compares the two, and nothing is paraphrased.
#include <fmt/format.h>

#include "compiler/publish/site_data.h"
#include "compiler/scenario/run_support.h"

namespace concord::publish {

std::string CharterFile(const std::string& name) {
  return "charter-" + name + ".html";
}
std::string TreatyFile(const std::string& name) {
  return "treaty-" + name + ".html";
}
std::string RunFile(const std::string& name) {
  return "run-" + name + ".html";
}
std::string RuleAnchor(const std::string& name) {
  return "rule-" + name;
}

std::string AsWritten(const pipeline::Compilation& c, const diag::SourceRange& range) {
  if (!range.valid()) return "";
  return std::string(c.program->sources.Slice(range));
}

Json Location(const pipeline::Compilation& c, const diag::SourceRange& range) {
  std::string at = scenario::MakeLocator(c.program->sources)(range);
  return at.empty() ? Json() : Json(at);
}

namespace {
bool Within(const diag::SourceRange& inner, const diag::SourceRange& outer) {
  return inner.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.end <= outer.end;
}
}  // namespace

Json ConcordViolations(const pipeline::Compilation& c, const diag::SourceRange& range) {
  Json out = Json::array();
  for (const diag::Diagnostic& d : c.diags.diagnostics()) {
    std::string_view code = diag::CodeName(d);
    // The clause that breaks the concord, or the label "in this charter".
    bool inside = Within(d.range, range);
    for (const diag::Label& label : d.labels) inside = inside || Within(label.range, range);
    if (code.empty() || code[0] != 'C' || !inside) continue;
    out.push_back(Json{{"code", std::string(code)},
                       {"severity", std::string(diag::SeverityName(d.severity))},
                       {"message", d.message},
                       {"location", Location(c, d.range)}});
  }
  return out;
}

Json RulesData(const std::vector<model::Rule>& rules, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::Rule& r : rules) {
    Json prose;
    if (r.decl && r.decl->text) prose = r.decl->text->value;
    out.push_back(Json{{"name", r.name},
                       {"anchor", RuleAnchor(r.name)},
                       {"title", r.title ? Json(*r.title) : Json()},
                       {"prose", prose},
                       {"executable", r.executable},
                       {"event", r.event ? Json(*r.event) : Json()},
                       {"as_written", AsWritten(c, r.range)},
                       {"location", Location(c, r.range)}});
  }
  return out;
}

namespace {

// A section of the charter: its clause as written, or null when absent.
Json Section(const pipeline::Compilation& c, const diag::SourceRange& range) {
  return range.valid() ? Json(AsWritten(c, range)) : Json();
}

Json OfficesData(const model::Charter& charter, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::Office& o : charter.offices) {
    out.push_back(Json{{"name", o.name},
                       {"title", o.title ? Json(*o.title) : Json()},
                       {"seats", o.seats},
                       {"term", o.term ? Json(o.term->ToString()) : Json()},
                       {"decides", o.decides},
                       {"as_written", AsWritten(c, o.range)}});
  }
  return out;
}

Json DecisionsData(const model::Charter& charter, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::DecisionRule& d : charter.decisions) {
    out.push_back(Json{{"matter", d.matter},
                       {"in_sanctions", d.in_sanctions},
                       {"as_written", AsWritten(c, d.range)}});
  }
  return out;
}

Json LedgersData(const model::Charter& charter, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::Ledger& l : charter.ledgers) {
    out.push_back(Json{{"name", l.name},
                       {"title", l.title ? Json(*l.title) : Json()},
                       {"public", l.is_public.value},
                       {"cap", l.cap ? Json(l.cap->ToString()) : Json()},
                       {"as_written", AsWritten(c, l.range)}});
  }
  return out;
}

Json MetricsData(const model::Charter& charter, const pipeline::Compilation& c) {
  Json out = Json::array();
  for (const model::Metric& m : charter.metrics) {
    out.push_back(Json{{"name", m.name},
                       {"title", m.title ? Json(*m.title) : Json()},
                       {"as_written", AsWritten(c, m.range)}});
  }
  return out;
}

}  // namespace

Json CharterData(const model::Charter& charter, const pipeline::Compilation& c) {
  Json violations = ConcordViolations(c, charter.range);
  Json j;
  j["page"] = "charter";
  j["name"] = charter.name;
  j["title"] = charter.title ? Json(*charter.title) : Json();
  j["file"] = CharterFile(charter.name);
  j["location"] = Location(c, charter.range);
  j["adopted"] = charter.adopted.range.valid() ? Json(charter.adopted.value.ToString()) : Json();
  j["concord"] = Json{{"name", charter.concord.value},
                      {"verdict", violations.empty() ? "meets" : "fails"},
                      {"violations", violations}};
  j["membership"] = Section(c, charter.membership.range);
  j["revision"] = Section(c, charter.revision.range);
  j["offices"] = OfficesData(charter, c);
  j["decisions"] = DecisionsData(charter, c);
  j["jury"] = Section(c, charter.jury.range);
  j["ledgers"] = LedgersData(charter, c);
  j["treaty_limits"] = Section(c, charter.treaty_limits.range);
  j["metrics"] = MetricsData(charter, c);
  j["rules"] = RulesData(charter.rules, c);
  return j;
}

}  // namespace concord::publish
