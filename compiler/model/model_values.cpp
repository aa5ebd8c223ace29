#include "compiler/model/model_values.h"

#include <map>

namespace concord::model {
namespace {

using values::Value;

Value Text(const std::string& s) {
  return Value::MakeText(s);
}
Value OptText(const std::optional<std::string>& s) {
  return s ? Text(*s) : Value::None();
}
Value Dur(const values::Duration& d) {
  return Value::MakeDuration(d);
}
Value OptDur(const std::optional<values::Duration>& d) {
  return d ? Dur(*d) : Value::None();
}
Value OptMoney(const std::optional<values::Money>& m) {
  return m ? Value::MakeMoney(*m) : Value::None();
}
Value Bool(bool b) {
  return Value::MakeBool(b);
}

}  // namespace

std::shared_ptr<values::Record> ModelValues::Make(const char* shape, std::string name,
                                                  std::string owner) const {
  return std::make_shared<values::Record>(module_.FindShape(shape), std::move(name),
                                          std::move(owner));
}

Value ModelValues::Enum(const char* shape, int index) const {
  return Value::MakeEnum(module_.FindEnum(shape), index);
}

Value ModelValues::DecisionRule(const model::DecisionRule& r,
                                const std::map<std::string, Value>& office_by_name) const {
  auto rule = Make("decision_rule");
  rule->Put("matter", Text(r.matter), r.range);
  rule->Put("method", Enum("decision_method", static_cast<int>(r.method)), r.range);
  rule->Put("share", r.share ? Value::MakePercent(*r.share) : Value::None(), r.range);
  auto office = r.office ? office_by_name.find(*r.office) : office_by_name.end();
  rule->Put("office", office != office_by_name.end() ? office->second : Value::None(), r.range);
  rule->Put("quorum", r.quorum_share ? Value::MakePercent(*r.quorum_share) : Value::None(),
            r.range);
  rule->Put("notice", OptDur(r.notice), r.range);
  rule->Put("window", OptDur(r.window), r.range);
  rule->Put("in_sanctions", Bool(r.in_sanctions), r.range);
  rule->Put("findings", Value::MakeInt(r.findings), r.range);
  return Value::MakeRecord(rule);
}

Value ModelValues::Rule(const model::Rule& rule, const std::string& owner) const {
  auto r = Make("rule", rule.name, owner);
  r->Put("name", Text(rule.name), rule.name_range);
  r->Put("title", OptText(rule.title), rule.range);
  r->Put("prose", Bool(rule.prose), rule.range);
  r->Put("executable", Bool(rule.executable), rule.range);
  r->Put("event", OptText(rule.event), rule.range);
  r->Put("binds_non_members", Bool(rule.binds_non_members.value), rule.binds_non_members.range);
  r->Put("rejects", Bool(rule.rejects.value), rule.rejects.range);
  r->Put("has_message", Bool(rule.has_message), rule.range);
  return Value::MakeRecord(r);
}

Value ModelValues::Charter(const model::Charter& c) {
  auto exit = Make("exit_policy");
  exit->Put("anytime", Bool(c.membership.exit.anytime.value), c.membership.exit.anytime.range);
  exit->Put("notice", Dur(c.membership.exit.notice.value), c.membership.exit.notice.range);
  exit->Put("penalty", Bool(c.membership.exit.penalty.value), c.membership.exit.penalty.range);

  auto membership = Make("membership");
  membership->Put("entry", Enum("entry_mode", static_cast<int>(c.membership.entry.value)),
                  c.membership.entry.range);
  membership->Put("sponsors", Value::MakeInt(c.membership.sponsors), c.membership.entry.range);
  membership->Put("vote",
                  c.membership.vote ? Value::MakePercent(*c.membership.vote) : Value::None(),
                  c.membership.entry.range);
  membership->Put("exit", Value::MakeRecord(exit), c.membership.exit.range);

  auto revision = Make("revision");
  const Revision& rv = c.revision;
  revision->Put("every", Dur(rv.every.value), rv.every.range);
  revision->Put("quota", Value::MakeDecimal(rv.quota.value), rv.quota.range);
  revision->Put("quota_share", rv.quota_share ? Value::MakePercent(*rv.quota_share) : Value::None(),
                rv.quota.range);
  revision->Put("quota_counts", Enum("quota_counting", static_cast<int>(rv.quota_counts.value)),
                rv.quota_counts.range);
  revision->Put("quorum", rv.quorum_share ? Value::MakePercent(*rv.quorum_share) : Value::None(),
                rv.range);
  revision->Put("quorum_count",
                rv.quorum_count ? Value::MakeDecimal(*rv.quorum_count) : Value::None(), rv.range);

  std::vector<Value> rules;
  for (const model::Rule& r : c.rules) rules.push_back(Rule(r, c.name));

  std::vector<Value> functions;
  for (const model::Function& f : c.functions) {
    auto fn = Make("function", f.name, c.name);
    std::vector<Value> teams;
    for (const Team& t : f.teams) {
      auto team = Make("team", t.name, c.name + "." + f.name);
      team->Put("name", Text(t.name), t.range);
      team->Put("method", OptText(t.method), t.range);
      teams.push_back(Value::MakeRecord(team));
    }
    fn->Put("name", Text(f.name), f.range);
    fn->Put("title", OptText(f.title), f.range);
    fn->Put("essential", Bool(f.essential), f.range);
    fn->Put("teams", values::MakeSetValue(teams), f.range);
    functions.push_back(Value::MakeRecord(fn));
  }

  auto ruling = Make("ruling_policy");
  ruling->Put("expires", Bool(c.jury.ruling.expires.value), c.jury.ruling.expires.range);
  ruling->Put("after", OptDur(c.jury.ruling.after), c.jury.ruling.range);
  ruling->Put("reaffirmable", Bool(c.jury.ruling.reaffirmable), c.jury.ruling.range);
  auto jury = Make("jury");
  jury->Put("size", Value::MakeInt(c.jury.size.value), c.jury.size.range);
  jury->Put("draw", Enum("draw_mode", static_cast<int>(c.jury.draw.value)), c.jury.draw.range);
  jury->Put("lottery", Bool(c.jury.draw.value == ast::DrawMode::kLottery), c.jury.draw.range);
  jury->Put("external", Value::MakeInt(c.jury.external.value), c.jury.external.range);
  jury->Put("external_when", OptText(c.jury.external_when), c.jury.external.range);
  jury->Put("ruling", Value::MakeRecord(ruling), c.jury.ruling.range);

  std::vector<Value> ledgers;
  for (const Ledger& l : c.ledgers) {
    auto led = Make("ledger", l.name, c.name);
    led->Put("name", Text(l.name), l.range);
    led->Put("title", OptText(l.title), l.range);
    led->Put("public", Bool(l.is_public.value), l.is_public.range);
    led->Put("report_every", OptDur(l.report_every.value), l.report_every.range);
    led->Put("steward_rotates", Bool(l.steward_rotates.value), l.steward_rotates.range);
    led->Put("steward_every", OptDur(l.steward_every), l.steward_rotates.range);
    led->Put("cap", OptMoney(l.cap), l.range);
    ledgers.push_back(Value::MakeRecord(led));
  }

  std::vector<Value> metrics;
  for (const Metric& m : c.metrics) {
    auto met = Make("metric", m.name, c.name);
    met->Put("name", Text(m.name), m.range);
    met->Put("title", OptText(m.title), m.range);
    metrics.push_back(Value::MakeRecord(met));
  }

  auto stress = Make("stress_game");
  stress->Put("held", Bool(c.stress_game.held.value), c.stress_game.held.range);
  stress->Put("every", OptDur(c.stress_game.every), c.stress_game.held.range);
  stress->Put("designer_rotates", Bool(c.stress_game.designer_rotates.value),
              c.stress_game.designer_rotates.range);
  auto reflection = Make("reflection");
  reflection->Put("held", Bool(c.reflection.held.value), c.reflection.held.range);
  reflection->Put("every", OptDur(c.reflection.every), c.reflection.held.range);

  const TreatyLimits& tl = c.treaty_limits;
  auto limits = Make("treaty_limits");
  limits->Put("term", OptDur(tl.term.value), tl.term.range);
  limits->Put("notice", OptDur(tl.notice.value), tl.notice.range);
  limits->Put(
      "renewal",
      tl.renewal.value ? Enum("renewal_mode", static_cast<int>(*tl.renewal.value)) : Value::None(),
      tl.renewal.range);
  limits->Put("contribution_per", tl.contribution ? Dur(tl.contribution->per) : Value::None(),
              tl.contribution ? tl.contribution->range : tl.range);
  limits->Put("total_contribution_per",
              tl.total_contribution ? Dur(tl.total_contribution->per) : Value::None(),
              tl.total_contribution ? tl.total_contribution->range : tl.range);

  // Offices first: a decision rule `by office NAME` refers to one.
  std::vector<Value> offices;
  std::map<std::string, Value> office_by_name;
  // `at`: where the office's fields point; invalid means the office itself.
  auto office_value = [&](const Office& o, SourceRange at) {
    SourceRange where = at.file != diag::kNoFile ? at : o.range;
    auto off = Make("office", o.name, c.name);
    off->Put("name", Text(o.name), at.file != diag::kNoFile ? at : o.name_range);
    off->Put("title", OptText(o.title), where);
    off->Put("seats", Value::MakeInt(o.seats), where);
    off->Put("chosen", Enum("selection_mode", static_cast<int>(o.chosen)), where);
    off->Put("term", OptDur(o.term), where);
    off->Put("limit", o.limit ? Value::MakeInt(*o.limit) : Value::None(), where);
    off->Put("recall", o.recall ? Value::MakePercent(*o.recall) : Value::None(), where);
    off->Put("appointed_by", OptText(o.appointed_by), where);
    off->Put("appoints_itself", Value::MakeBool(o.appoints_itself), where);
    std::vector<Value> decides;
    for (const std::string& matter : o.decides) decides.push_back(Text(matter));
    off->Put("decides", values::MakeSetValue(decides), where);
    return Value::MakeRecord(off);
  };
  for (const Office& o : c.offices) {
    Value v = office_value(o, {});
    offices.push_back(v);
    office_by_name.emplace(o.name, v);
  }
  // The office seen through `charter.amendment_rule` points at that rule: a
  // requirement that fails on its `chosen` or `term` (C008) is about who
  // decides amendments, so it points where the charter says so.
  std::map<std::string, Value> office_at_amendment;
  for (const Office& o : c.offices) {
    if (c.amendment_rule.office && *c.amendment_rule.office == o.name) {
      office_at_amendment.emplace(o.name, office_value(o, c.amendment_rule.range));
    }
  }
  std::vector<Value> decisions;
  for (const model::DecisionRule& r : c.decisions)
    decisions.push_back(DecisionRule(r, office_by_name));
  auto sanctions = Make("sanction_policy");
  sanctions->Put("declared", Bool(c.sanctions.declared), c.sanctions.range);
  sanctions->Put("finding_expires", OptDur(c.sanctions.finding_expires), c.sanctions.range);
  sanctions->Put("suspension_at_most", OptDur(c.sanctions.suspension_at_most), c.sanctions.range);

  auto charter = Make("charter", c.name, "");
  charter->Put("name", Text(c.name), c.name_range);
  charter->Put("title", OptText(c.title), c.name_range);
  charter->Put("adopted", Value::MakeDate(c.adopted.value), c.adopted.range);
  charter->Put("concord", Text(c.concord.value), c.concord.range);
  charter->Put("membership", Value::MakeRecord(membership), c.membership.range);
  charter->Put("revision", Value::MakeRecord(revision), c.revision.range);
  charter->Put("rules", values::MakeSetValue(rules), c.name_range);
  charter->Put("functions", values::MakeSetValue(functions), c.name_range);
  charter->Put("jury", Value::MakeRecord(jury), c.jury.range);
  charter->Put("ledgers", values::MakeSetValue(ledgers), c.name_range);
  charter->Put("metrics", values::MakeSetValue(metrics), c.name_range);
  charter->Put("stress_game", Value::MakeRecord(stress), c.stress_game.held.range);
  charter->Put("reflection", Value::MakeRecord(reflection), c.reflection.held.range);
  charter->Put("treaties", Value::MakeRecord(limits), tl.range);
  charter->Put("offices", values::MakeSetValue(offices), c.name_range);
  charter->Put("decisions", values::MakeSetValue(decisions), c.name_range);
  charter->Put("sanctions", Value::MakeRecord(sanctions), c.sanctions.range);
  charter->Put("amendment_rule", DecisionRule(c.amendment_rule, office_at_amendment),
               c.amendment_rule.range);
  charter->Put("removal_rule",
               c.removal_rule ? DecisionRule(*c.removal_rule, office_by_name) : Value::None(),
               c.removal_rule ? c.removal_rule->range : SourceRange{});
  charter->Put("suspension_rule",
               c.suspension_rule ? DecisionRule(*c.suspension_rule, office_by_name) : Value::None(),
               c.suspension_rule ? c.suspension_rule->range : SourceRange{});
  Value v = Value::MakeRecord(charter);
  charters_[c.name] = v;
  return v;
}

Value ModelValues::Treaty(const model::Treaty& t) {
  std::vector<Value> parties;
  for (const Field<std::string>& p : t.parties) {
    auto it = charters_.find(p.value);
    if (it != charters_.end()) parties.push_back(it->second);
  }
  auto exit = Make("treaty_exit");
  exit->Put("notice", Dur(t.exit.notice.value), t.exit.notice.range);
  exit->Put("penalty", Bool(t.exit.penalty.value), t.exit.penalty.range);
  auto distress = Make("distress_policy");
  distress->Put("declared", Bool(t.distress.declared), t.distress.range);
  distress->Put("signal", OptText(t.distress.signal), t.distress.range);
  distress->Put("respond_within", OptDur(t.distress.respond_within), t.distress.range);

  std::vector<Value> funds;
  for (const Fund& f : t.funds) {
    auto fund = Make("fund", f.name, t.name);
    fund->Put("name", Text(f.name), f.name_range);
    fund->Put("title", OptText(f.title), f.range);
    fund->Put("cap", OptMoney(f.cap.value), f.cap.range);
    fund->Put("floor", OptMoney(f.floor), f.range);
    fund->Put("per", OptDur(f.per), f.range);
    fund->Put("steward_rotates", Bool(f.steward_rotates.value), f.steward_rotates.range);
    fund->Put("steward_every", OptDur(f.steward_every), f.steward_rotates.range);
    funds.push_back(Value::MakeRecord(fund));
  }
  std::vector<Value> rules;
  for (const model::Rule& r : t.rules) rules.push_back(Rule(r, t.name));

  auto treaty = Make("treaty", t.name, "");
  treaty->Put("name", Text(t.name), t.name_range);
  treaty->Put("title", OptText(t.title), t.name_range);
  treaty->Put("parties", values::MakeSetValue(parties), t.name_range);
  treaty->Put("effective", Value::MakeDate(t.effective.value), t.effective.range);
  treaty->Put("term", Dur(t.term.value), t.term.range);
  treaty->Put("renewal", Enum("renewal_mode", static_cast<int>(t.renewal.value)),
              t.renewal.range.valid() ? t.renewal.range : t.term.range);
  treaty->Put("exit", Value::MakeRecord(exit), t.exit.range);
  treaty->Put("distress", Value::MakeRecord(distress), t.distress.range);
  treaty->Put("funds", values::MakeSetValue(funds), t.name_range);
  treaty->Put("cross_training", OptDur(t.cross_training), t.name_range);
  treaty->Put("rules", values::MakeSetValue(rules), t.name_range);
  return Value::MakeRecord(treaty);
}

}  // namespace concord::model
