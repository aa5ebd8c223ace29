// Offices, decision rules, classes and dues into engine::CharterSpec. The
// model has evaluated durations, shares and amounts; the rotation period,
// `held by` and the membership classes are read from the charter's AST.
#include "compiler/scenario/power_input.h"

namespace concord::scenario {
namespace {

engine::OfficeSelection SelectionOf(model::Selection s) {
  switch (s) {
    case model::Selection::kElection:
      return engine::OfficeSelection::kElection;
    case model::Selection::kLottery:
      return engine::OfficeSelection::kLottery;
    case model::Selection::kRotation:
      return engine::OfficeSelection::kRotation;
    case model::Selection::kAppointment:
      return engine::OfficeSelection::kAppointment;
    case model::Selection::kHolders:
      return engine::OfficeSelection::kHolders;
    case model::Selection::kNamed:
      return engine::OfficeSelection::kNamed;
    case model::Selection::kUnspecified:
      return engine::OfficeSelection::kUnspecified;
  }
  return engine::OfficeSelection::kUnspecified;
}

engine::DecisionMethod MethodOf(ast::MethodKind m) {
  switch (m) {
    case ast::MethodKind::kMajority:
      return engine::DecisionMethod::kMajority;
    case ast::MethodKind::kVoteCast:
      return engine::DecisionMethod::kVoteCast;
    case ast::MethodKind::kVoteMembers:
      return engine::DecisionMethod::kVoteMembers;
    case ast::MethodKind::kConsent:
      return engine::DecisionMethod::kConsent;
    case ast::MethodKind::kConsensus:
      return engine::DecisionMethod::kConsensus;
    case ast::MethodKind::kOffice:
      return engine::DecisionMethod::kOffice;
    case ast::MethodKind::kJury:
      return engine::DecisionMethod::kJury;
    case ast::MethodKind::kAssembly:
      return engine::DecisionMethod::kAssembly;
  }
  return engine::DecisionMethod::kMajority;
}

const ast::Office* DeclaredOffice(const ast::CharterDecl& d, const std::string& name) {
  for (const ast::Office& o : d.offices) {
    if (o.name.name == name) return &o;
  }
  return nullptr;
}

engine::OfficeSpec OfficeOf(const model::Office& o, const ast::Office* decl) {
  engine::OfficeSpec office;
  office.name = o.name;
  office.title = o.title;
  office.seats = o.seats;
  office.chosen = SelectionOf(o.chosen);
  office.appointed_by = o.appointed_by;
  office.term = o.term;
  office.limit = o.limit;
  office.recall_share = o.recall;
  office.decides = o.decides;
  office.spending_limit = o.spending_limit;
  office.range = o.range;
  if (decl) {
    if (decl->held_by) office.held_by = decl->held_by->name;
    if (decl->chosen && decl->chosen->every) {
      office.rotation_every =
          calendar::Period{decl->chosen->every->count, decl->chosen->every->unit};
    }
  }
  return office;
}

engine::DecisionSpec DecisionOf(const model::DecisionRule& r) {
  engine::DecisionSpec rule;
  rule.matter = r.matter;
  rule.method = MethodOf(r.method);
  rule.share = r.share;
  rule.office = r.office;
  rule.up_to = r.up_to;
  rule.quorum_share = r.quorum_share;
  rule.quorum_count = r.quorum_count;
  rule.notice = r.notice;
  rule.window = r.window;
  rule.fallback_share = r.fallback_share;
  rule.fallback_rounds = r.fallback_rounds;
  rule.verdict = r.verdict;
  rule.findings = r.findings;
  rule.findings_within = r.findings_within;
  rule.at_most = r.at_most;
  rule.in_sanctions = r.in_sanctions;
  rule.range = r.range;
  return rule;
}

std::optional<engine::Fraction> FractionOf(const std::optional<ast::Share>& share) {
  if (!share || !share->is_fraction || !share->valid) return std::nullopt;
  return engine::Fraction{share->numerator, share->denominator};
}

// A share written `N/M` stays exact at run time (2/3 of 3 ballots is 2):
// the model keeps the decimal, the AST the two numbers. The rule is found
// by its range.
void KeepFractions(const ast::CharterDecl& d, engine::DecisionSpec& rule) {
  if (d.decisions) {
    for (const ast::DecisionRule& r : d.decisions->rules) {
      if (!(r.range == rule.range)) continue;
      rule.share_fraction = FractionOf(r.method.share);
      rule.quorum_fraction = FractionOf(r.quorum_share);
      if (r.fallback) rule.fallback_fraction = FractionOf(r.fallback->share);
      return;
    }
  }
  if (d.sanctions) {
    for (const ast::SanctionRule& r : d.sanctions->rules) {
      if (r.range == rule.range) rule.share_fraction = FractionOf(r.method.share);
    }
  }
}

}  // namespace

void FillPower(const model::Charter& c, const MoneyOf& money, engine::CharterSpec& spec) {
  if (c.membership.entry.value == ast::EntryMode::kByDecision) {
    spec.entry = engine::EntryMode::kDecision;
  }
  spec.membership_range = c.membership.range;
  for (const model::Office& o : c.offices) {
    spec.offices.push_back(OfficeOf(o, c.decl ? DeclaredOffice(*c.decl, o.name) : nullptr));
  }
  for (const model::DecisionRule& r : c.decisions) {
    spec.decisions.push_back(DecisionOf(r));
    if (c.decl) KeepFractions(*c.decl, spec.decisions.back());
  }
  if (spec.entry == engine::EntryMode::kVote) spec.entry_share = c.membership.vote;
  spec.has_decisions = c.decl && (c.decl->decisions || c.decl->sanctions);
  spec.finding_expires = c.sanctions.finding_expires;
  if (!c.decl || !c.decl->membership) return;
  const ast::Membership& m = *c.decl->membership;
  for (const ast::MemberClass& k : m.classes) {
    spec.classes.push_back({k.name.name, k.votes ? k.votes->value : true, k.range});
  }
  if (m.dues) {
    if (auto amount = money(m.dues->amount.get())) {
      spec.dues = engine::DuesSpec{*amount, calendar::Period{m.dues->per.count, m.dues->per.unit},
                                   m.dues->ledger.name, m.dues->range};
    }
  }
}

}  // namespace concord::scenario
