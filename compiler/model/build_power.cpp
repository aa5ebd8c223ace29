// Offices, decision rules and the sanction policy of one charter's model.
#include "compiler/model/build_power.h"

#include <map>

namespace concord::model {

namespace {

Selection SelectionOf(const ast::Office& o) {
  if (o.held_by) return Selection::kNamed;
  if (!o.chosen) return Selection::kUnspecified;
  switch (o.chosen->mode) {
    case ast::SelectionMode::kElection:
      return Selection::kElection;
    case ast::SelectionMode::kLottery:
      return Selection::kLottery;
    case ast::SelectionMode::kRotation:
      return Selection::kRotation;
    case ast::SelectionMode::kAppointment:
      return Selection::kAppointment;
    case ast::SelectionMode::kHolders:
      return Selection::kHolders;
  }
  return Selection::kUnspecified;
}

std::optional<values::Decimal> ShareValue(const std::optional<ast::Share>& share) {
  if (!share || !share->valid) return std::nullopt;
  return share->value;
}

DecisionRule RuleOf(std::string matter, const ast::DecisionMethod& m, const PowerEvaluator& eval,
                    SourceRange range) {
  DecisionRule rule;
  rule.matter = std::move(matter);
  rule.method = m.kind;
  rule.share = ShareValue(m.share);
  if (m.office) rule.office = m.office->name;
  if (m.up_to) rule.up_to = eval.money(m.up_to.get());
  rule.range = range;
  return rule;
}

// Marks every office whose appointment chain returns to it. A chain that
// leaves the charter's offices, or reaches an office chosen another way,
// ends; one longer than the number of offices has gone round a cycle that
// does not pass through the start, which is that other office's cycle.
void MarkAppointmentCycles(std::vector<Office>& offices) {
  std::map<std::string, const Office*> by_name;
  for (const Office& o : offices) by_name.emplace(o.name, &o);
  for (Office& start : offices) {
    const Office* at = &start;
    for (size_t steps = 0; steps < offices.size(); ++steps) {
      if (at->chosen != Selection::kAppointment || !at->appointed_by) break;
      auto next = by_name.find(*at->appointed_by);
      if (next == by_name.end()) break;
      at = next->second;
      if (at == &start) {
        start.appoints_itself = true;
        break;
      }
    }
  }
}

const DecisionRule* FindMatter(const std::vector<DecisionRule>& rules, std::string_view matter) {
  for (const DecisionRule& r : rules) {
    if (r.matter == matter) return &r;
  }
  return nullptr;
}

// The rule a matter follows: the first of `matters` that has a rule (its own
// name, then its broader names), else `default` (POWER.md §2: "everything
// not listed"), else none.
std::optional<DecisionRule> FollowedRule(const std::vector<DecisionRule>& rules,
                                         std::initializer_list<std::string_view> matters) {
  for (std::string_view matter : matters) {
    if (const DecisionRule* r = FindMatter(rules, matter)) return *r;
  }
  if (const DecisionRule* r = FindMatter(rules, "default")) return *r;
  return std::nullopt;
}

// Which rule amendments, removals and suspensions follow. A charter with no
// amendment rule and no default amends by assembly, as before `decisions`
// existed; the implicit rule has no source range, so a requirement that
// fails on it points at the charter.
void ComputeFollowedRules(Charter& c) {
  if (auto amendment = FollowedRule(c.decisions, {"amendment"})) {
    c.amendment_rule = *amendment;
  } else {
    c.amendment_rule.matter = "amendment";
    c.amendment_rule.method = ast::MethodKind::kAssembly;
  }
  c.removal_rule = FollowedRule(c.decisions, {"removal"});
  // `suspension` is written in `sanctions`; `sanction` in `decisions` covers
  // warnings and suspensions together (E0241 keeps the two apart).
  c.suspension_rule = FollowedRule(c.decisions, {"suspension", "sanction"});
}

}  // namespace

void BuildPower(const ast::CharterDecl& d, const PowerEvaluator& eval, Charter& c) {
  for (const ast::Office& o : d.offices) {
    Office office;
    office.name = o.name.name;
    if (o.title) office.title = o.title->value;
    if (o.seats) office.seats = o.seats->value;
    office.chosen = SelectionOf(o);
    if (o.term) office.term = eval.duration(o.term.get());
    if (o.limit) office.limit = o.limit->value;
    office.recall = ShareValue(o.recall);
    if (o.chosen && o.chosen->appointer) office.appointed_by = o.chosen->appointer->name;
    for (const ast::OfficeDecides& decides : o.decides) {
      office.decides.push_back(decides.matter.name);
      if (decides.up_to && decides.matter.name == "spending") {
        office.spending_limit = eval.money(decides.up_to.get());
      }
    }
    office.range = o.range;
    office.name_range = o.name.range;
    c.offices.push_back(std::move(office));
  }
  MarkAppointmentCycles(c.offices);
  if (d.decisions) {
    for (const ast::DecisionRule& r : d.decisions->rules) {
      DecisionRule rule = RuleOf(r.matter.name, r.method, eval, r.range);
      rule.quorum_share = ShareValue(r.quorum_share);
      rule.quorum_count = r.quorum_count;
      if (r.notice) rule.notice = eval.duration(r.notice.get());
      if (r.window) rule.window = eval.duration(r.window.get());
      if (r.fallback && r.fallback->share.valid) {
        rule.fallback_share = r.fallback->share.value;
        rule.fallback_rounds = r.fallback->rounds;
      }
      c.decisions.push_back(std::move(rule));
    }
  }
  if (d.sanctions) {
    const ast::Sanctions& s = *d.sanctions;
    c.sanctions.declared = true;
    c.sanctions.range = s.range;
    if (s.finding_expires) c.sanctions.finding_expires = eval.duration(s.finding_expires.get());
    for (const ast::SanctionRule& r : s.rules) {
      DecisionRule rule = RuleOf(ast::SanctionWord(r.kind), r.method, eval, r.range);
      rule.in_sanctions = true;
      if (r.findings) rule.findings = r.findings->value;
      if (r.within) rule.findings_within = eval.duration(r.within.get());
      if (r.verdict) rule.verdict = r.verdict->value;
      if (r.at_most) {
        rule.at_most = eval.duration(r.at_most.get());
        c.sanctions.suspension_at_most = rule.at_most;
      }
      c.decisions.push_back(std::move(rule));
    }
  }
  ComputeFollowedRules(c);
}

}  // namespace concord::model
