// Conversion of the model and scenario AST into engine input. Periods come
// from the AST clauses (the model keeps them as durations), constants such as
// `60 EUR` or `{ income 1200 EUR }` are evaluated once here, and every
// expression the engine evaluates later is lowered with the bindings it
// needs: a rule's trigger variable, `income` for fund formulas, nothing for
// metrics and `expect` lines (they name entities the engine provides).
#include "compiler/scenario/build_input.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/model/model_values.h"
#include "compiler/scenario/power_input.h"
#include "runtime/interp/interp.h"

namespace concord::scenario {
namespace {

calendar::Period PeriodOf(const ast::Period& p) {
  return calendar::Period{p.count, p.unit};
}

class Builder {
 public:
  Builder(const sema::CheckedProgram& checked, const model::Model& model, ir::Module& module)
      : checked_(checked), model_(model), lowerer_(checked, module), module_(module) {}

  Inputs Build();

 private:
  const ir::Root* Lower(std::string name, const ast::Expr* expr,
                        const std::vector<lower::Binding>& bindings) {
    if (!expr) return nullptr;
    auto lowered = lowerer_.LowerRoot(std::move(name), *expr, bindings);
    if (!lowered.ok()) {
      if (!error_) error_ = lowered.error;
      return nullptr;
    }
    return lowered.value;
  }
  std::optional<values::Value> Constant(const ast::Expr* expr) {
    // An amount or a count as sema folded it, without an IR root each: a
    // scenario with a million contributions (event files) would otherwise
    // keep a million roots in the module.
    if (const sema::Constant* folded = expr ? checked_.ConstantOf(expr) : nullptr) {
      if (const auto* money = folded->As<sema::MoneyValue>()) {
        if (auto currency = values::Currency::Parse(money->currency)) {
          return values::Value::MakeMoney({money->amount, *currency});
        }
      }
      if (const int64_t* count = folded->As<int64_t>()) return values::Value::MakeInt(*count);
    }
    const ir::Root* root = Lower("constant", expr, {});
    if (!root) return std::nullopt;
    interp::Outcome out = interp::Evaluate(*root, {}, {std::nullopt, nullptr, false});
    if (!out.ok()) return std::nullopt;
    return out.value;
  }
  std::optional<values::Money> MoneyOf(const ast::Expr* expr) {
    auto v = Constant(expr);
    if (!v || !v->AsMoney()) return std::nullopt;
    return *v->AsMoney();
  }
  std::optional<values::Duration> DurationOf(const ast::Expr* expr) {
    auto v = Constant(expr);
    if (!v || !v->AsDuration()) return std::nullopt;
    return *v->AsDuration();
  }
  std::vector<engine::Attribute> Attributes(const std::vector<ast::Attribute>& attrs) {
    std::vector<engine::Attribute> out;
    for (const ast::Attribute& a : attrs) {
      if (auto v = Constant(a.value.get())) out.push_back({a.name.name, *v});
    }
    return out;
  }
  engine::RuleSpec Rule(const ast::Rule& rule, const std::string& owner);
  engine::CharterSpec Charter(const model::Charter& c, model::ModelValues& values);
  engine::TreatySpec Treaty(const model::Treaty& t, model::ModelValues& values);
  engine::EventSpec Event(const ast::Event& e);
  engine::ExpectSpec Expect(const ast::Expectation& x);
  engine::ScenarioSpec Scenario(const ast::ScenarioDecl& s);
  static std::optional<std::string> FirstPolity(const ast::ScenarioDecl& s,
                                                const std::string& member, const ast::Event& until);
  engine::Name NameOf(const ast::Identifier& id) { return {id.name, id.range}; }

  const sema::CheckedProgram& checked_;
  const model::Model& model_;
  lower::Lowerer lowerer_;
  ir::Module& module_;
  std::optional<lower::LowerError> error_;
};

engine::RuleSpec Builder::Rule(const ast::Rule& rule, const std::string& owner) {
  engine::RuleSpec spec;
  spec.name = rule.name.name;
  spec.owner = owner;
  spec.range = rule.range;
  if (!rule.trigger) return spec;
  spec.event = rule.trigger->event.name;
  std::vector<lower::Binding> bindings{
      lower::Binding::Of(checked_.SymbolAt(&rule.trigger->variable))};
  std::string root_name = fmt::format("rule {}", spec.name);
  spec.where = Lower(root_name, rule.trigger->where.get(), bindings);
  for (const ast::RuleRequire& r : rule.requires_) {
    spec.checks.push_back(
        {engine::RuleCheck::Kind::kRequire, Lower(root_name, r.condition.get(), bindings),
         r.message ? r.message->value : std::string("a requirement failed"), r.range});
  }
  for (const ast::RuleWhen& w : rule.whens) {
    spec.checks.push_back({w.effect == ast::EffectKind::kReject ? engine::RuleCheck::Kind::kReject
                                                                : engine::RuleCheck::Kind::kFlag,
                           Lower(root_name, w.condition.get(), bindings), w.message.value,
                           w.range});
  }
  return spec;
}

engine::CharterSpec Builder::Charter(const model::Charter& c, model::ModelValues& values) {
  engine::CharterSpec spec;
  const ast::CharterDecl& d = *c.decl;
  spec.name = c.name;
  spec.adopted = c.adopted.value;
  spec.value = values.Charter(c);
  spec.range = c.range;
  switch (c.membership.entry.value) {
    case ast::EntryMode::kOpen:
      spec.entry = engine::EntryMode::kOpen;
      break;
    case ast::EntryMode::kSponsored:
      spec.entry = engine::EntryMode::kSponsored;
      break;
    case ast::EntryMode::kVote:
      spec.entry = engine::EntryMode::kVote;
      break;
    case ast::EntryMode::kByDecision:  // admitted through `decisions.admission`
      spec.entry = engine::EntryMode::kDecision;
      break;
    case ast::EntryMode::kCompulsory:
      spec.entry = engine::EntryMode::kCompulsory;
      break;
  }
  spec.sponsors = c.membership.sponsors;
  if (d.revision && d.revision->every) spec.revision_every = PeriodOf(*d.revision->every);
  if (c.revision.quota_share) {
    spec.quota_share = c.revision.quota_share;
  } else {
    spec.quota_count = c.revision.quota.value;
  }
  spec.quota_counts_reaffirmed = c.revision.quota_counts.value == ast::QuotaCounting::kReconsidered;
  spec.quorum_share = c.revision.quorum_share;
  spec.quorum_count = c.revision.quorum_count;
  spec.revision_range = c.revision.range;
  for (const model::Rule& r : c.rules) {
    if (r.decl) spec.rules.push_back(Rule(*r.decl, c.name));
  }
  spec.jury_size = c.jury.size.value;
  spec.jury_lottery = c.jury.draw.value == ast::DrawMode::kLottery;
  spec.jury_external = c.jury.external.value;
  spec.external_only_serious = c.jury.external_when.has_value();
  if (c.jury.ruling.expires.value) spec.ruling_after = c.jury.ruling.after;
  spec.ruling_reaffirmable = c.jury.ruling.reaffirmable;
  spec.jury_range = c.jury.range;
  for (const ast::Ledger& l : d.ledgers) {
    engine::LedgerSpec ledger;
    ledger.name = l.name.name;
    if (l.report_every) ledger.report_every = PeriodOf(*l.report_every);
    if (l.steward && l.steward->every) ledger.steward_every = PeriodOf(*l.steward->every);
    for (const model::Ledger& m : c.ledgers) {
      if (m.name == ledger.name) ledger.cap = m.cap;
    }
    if (l.currency) ledger.currency = values::Currency::Parse(l.currency->value);
    ledger.range = l.range;
    spec.ledgers.push_back(std::move(ledger));
  }
  if (d.stress_game) {
    spec.stress_every = PeriodOf(d.stress_game->every);
    spec.stress_designer_rotates = d.stress_game->designer.has_value();
    spec.stress_range = d.stress_game->range;
  }
  if (d.reflection) {
    spec.reflection_every = PeriodOf(d.reflection->every);
    spec.reflection_range = d.reflection->range;
  }
  for (const model::Metric& m : c.metrics) {
    spec.metrics.push_back({m.name, Lower("metric " + m.name, m.value, {}), m.range});
  }
  FillPower(
      c, [this](const ast::Expr* e) { return MoneyOf(e); }, spec);
  return spec;
}

engine::TreatySpec Builder::Treaty(const model::Treaty& t, model::ModelValues& values) {
  engine::TreatySpec spec;
  spec.name = t.name;
  spec.value = values.Treaty(t);
  for (const auto& p : t.parties) spec.parties.push_back(p.value);
  spec.effective = t.effective.value;
  spec.term = t.term.value;
  spec.automatic_renewal = t.renewal.value == ast::RenewalMode::kAutomatic;
  spec.term_range = t.term.range;
  spec.exit_notice = t.exit.notice.value;
  spec.exit_range = t.exit.range;
  if (t.distress.declared) {
    spec.distress_signal = t.distress.signal;
    spec.respond_within = t.distress.respond_within;
    spec.distress_range = t.distress.range;
  }
  for (const ast::Fund& f : t.decl->funds) {
    engine::FundSpec fund;
    fund.name = f.name.name;
    fund.range = f.range;
    if (f.contribution) {
      fund.contribution = Lower("fund " + fund.name, f.contribution->amount.get(),
                                {lower::Binding::Implicit(sema::Implicit::kIncome)});
      fund.per = PeriodOf(f.contribution->per);
    }
    if (f.steward && f.steward->every) fund.steward_every = PeriodOf(*f.steward->every);
    for (const model::Fund& m : t.funds) {
      if (m.name != fund.name) continue;
      fund.cap = m.cap.value;
      fund.floor = m.floor;
    }
    spec.funds.push_back(std::move(fund));
  }
  if (t.decl->cross_training) {
    spec.cross_training_every = PeriodOf(*t.decl->cross_training);
    spec.cross_training_range = t.decl->cross_training->range;
  }
  for (const model::Rule& r : t.rules) {
    if (r.decl) spec.rules.push_back(Rule(*r.decl, t.name));
  }
  spec.range = t.range;
  return spec;
}

engine::EventSpec Builder::Event(const ast::Event& e) {
  engine::EventSpec spec;
  spec.kind = static_cast<engine::EventKind>(e.kind);
  spec.date = e.date.value;
  spec.subject = NameOf(e.subject);
  if (e.target) spec.target = NameOf(*e.target);
  for (const ast::Identifier& n : e.names) spec.names.push_back(NameOf(n));
  if (e.kind_word) spec.kind_word = e.kind_word->name;
  spec.attributes = Attributes(e.attributes);
  if (e.amount) {
    if (auto v = Constant(e.amount.get()); v && v->AsMoney()) spec.amount = *v->AsMoney();
  }
  spec.flag = e.flag;
  spec.present_all = e.present_all;
  // Decision events: the enums mirror the AST's in the same order.
  if (e.matter) spec.matter = static_cast<engine::ProposalMatter>(*e.matter);
  for (const ast::Ballot& b : e.ballots) {
    spec.ballots.push_back({static_cast<engine::BallotChoice>(b.choice), NameOf(b.voter)});
  }
  if (e.verdict) {
    engine::VerdictSpec verdict;
    verdict.in_favour = e.verdict->in_favour.value;
    verdict.of = e.verdict->of.value;
    verdict.sanction = static_cast<engine::SanctionKind>(e.verdict->sanction);
    if (e.verdict->length) verdict.length = DurationOf(e.verdict->length.get());
    verdict.sanction_range = e.verdict->sanction_range;
    spec.verdict = verdict;
  }
  if (e.until_date) spec.until_date = e.until_date->value;
  // `elect OFFICE ...` without `in`: the charter sema found the office in.
  if (e.kind == ast::EventKind::kElect && !e.target) {
    if (const sema::Symbol* office = checked_.SymbolAt(&e.subject); office && office->owner) {
      spec.target = engine::Name{office->owner->name, e.subject.range};
    }
  }
  if (e.recurrence) {
    engine::EventSpec::Recurrence recurrence{PeriodOf(e.recurrence->every), std::nullopt};
    if (e.recurrence->until) recurrence.until = e.recurrence->until->value;
    spec.recurrence = recurrence;
  }
  spec.range = e.range;
  const ast::Identifier* account = e.kind == ast::EventKind::kContribute && e.target ? &*e.target
                                   : e.kind == ast::EventKind::kReport               ? &e.subject
                                                                                     : nullptr;
  if (account) {
    if (const sema::Symbol* s = checked_.SymbolAt(account); s && s->owner) {
      spec.account_owner = s->owner->name;
      spec.account_is_fund = s->kind == sema::SymbolKind::kFund;
    }
  }
  for (const ast::Change& c : e.changes) {
    engine::ChangeSpec change;
    change.kind = static_cast<engine::ChangeSpec::Kind>(c.kind);
    if (c.target) change.target = NameOf(*c.target);
    if (c.rule) change.rule = Rule(*c.rule, e.subject.name);
    change.range = c.range;
    spec.changes.push_back(std::move(change));
  }
  return spec;
}

engine::ExpectSpec Builder::Expect(const ast::Expectation& x) {
  engine::ExpectSpec spec;
  const diag::SourceManager& sources = checked_.program().sources;
  spec.range = x.range;
  spec.source = std::string(sources.Slice(x.range));
  if (x.date) spec.date = x.date->value;
  switch (x.kind) {
    case ast::ExpectKind::kOnDate:
      spec.kind = engine::ExpectKind::kOnDate;
      break;
    case ast::ExpectKind::kViolation:
      spec.kind = engine::ExpectKind::kViolation;
      break;
    case ast::ExpectKind::kNoViolations:
      spec.kind = engine::ExpectKind::kNoViolations;
      break;
    case ast::ExpectKind::kAlways:
      spec.kind = engine::ExpectKind::kAtEnd;
      break;
  }
  if (x.code) spec.code = x.code->value;
  if (x.condition) {
    spec.condition = Lower("expect", x.condition.get(), {});
    spec.condition_source = std::string(sources.Slice(x.condition->range));
    if (const auto* b = x.condition->As<ast::BinaryExpr>()) {
      switch (b->op) {
        case ast::BinaryOp::kEq:
        case ast::BinaryOp::kNe:
        case ast::BinaryOp::kLt:
        case ast::BinaryOp::kLe:
        case ast::BinaryOp::kGt:
        case ast::BinaryOp::kGe:
          spec.lhs = Lower("expect", b->lhs.get(), {});
          spec.op = ast::Spelling(b->op);
          spec.lhs_source = std::string(sources.Slice(b->lhs->range));
          break;
        default:
          break;
      }
    }
  }
  return spec;
}

std::optional<std::string> Builder::FirstPolity(const ast::ScenarioDecl& s,
                                                const std::string& member,
                                                const ast::Event& until) {
  for (const ast::MembersDecl& m : s.members) {
    for (const ast::Identifier& id : m.members) {
      if (id.name == member) return m.polity.name;
    }
  }
  for (const ast::Event& e : s.events) {
    if (&e == &until) break;
    bool joins = e.kind == ast::EventKind::kJoin && e.subject.name == member;
    bool admitted = e.kind == ast::EventKind::kPropose &&
                    e.matter == ast::ProposalMatter::kAdmission && !e.names.empty() &&
                    e.names.front().name == member;
    if ((joins || admitted) && e.target) return e.target->name;
  }
  return std::nullopt;
}

engine::ScenarioSpec Builder::Scenario(const ast::ScenarioDecl& s) {
  engine::ScenarioSpec spec;
  spec.name = s.name.name;
  if (s.title) spec.title = s.title->value;
  spec.seed = s.seed ? s.seed->value : std::string();
  spec.start = s.start ? s.start->value : values::Date{};
  spec.until = s.run_until ? s.run_until->value : spec.start;
  spec.range = s.range;
  for (const ast::MembersDecl& m : s.members) {
    engine::InitialMembers group;
    group.polity = m.polity.name;
    for (const ast::Identifier& id : m.members) group.members.push_back(NameOf(id));
    group.attributes = Attributes(m.attributes);
    spec.members.push_back(std::move(group));
  }
  // Grown once: an EventSpec is large, and a scenario of event files holds
  // millions of them (each growth moved every event lowered so far).
  spec.events.reserve(s.events.size());
  for (const ast::Event& e : s.events) {
    spec.events.push_back(Event(e));
    // `waive dues for NAME` without `in`: the member's first polity, the
    // one they were listed in or first joined (as sema's member_polity).
    if (e.kind == ast::EventKind::kWaive && !e.target) {
      if (auto polity = FirstPolity(s, e.subject.name, e)) {
        spec.events.back().target = engine::Name{*polity, e.subject.range};
      }
    }
  }
  for (const ast::Expectation& x : s.expectations) spec.expectations.push_back(Expect(x));
  return spec;
}

Inputs Builder::Build() {
  Inputs in;
  in.program.module = &module_;
  lowerer_.LowerAllFns();
  model::ModelValues values(module_);
  for (const model::Charter& c : model_.charters) in.program.charters.push_back(Charter(c, values));
  for (const model::Treaty& t : model_.treaties) in.program.treaties.push_back(Treaty(t, values));
  // The engine works through charters and treaties in this order (metrics,
  // stewards, obligations of a day): by name, so that the output does not
  // depend on the order of the files on the command line (a name is
  // declared once, E0202, so the order is total).
  std::stable_sort(
      in.program.charters.begin(), in.program.charters.end(),
      [](const engine::CharterSpec& a, const engine::CharterSpec& b) { return a.name < b.name; });
  std::stable_sort(
      in.program.treaties.begin(), in.program.treaties.end(),
      [](const engine::TreatySpec& a, const engine::TreatySpec& b) { return a.name < b.name; });
  const sema::Program& program = checked_.program();
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.is_stdlib[i]) continue;
    for (const ast::ScenarioDecl& s : program.files[i]->scenarios) {
      in.scenarios.push_back(Scenario(s));
    }
  }
  // Played by name too, for the same reason.
  std::stable_sort(
      in.scenarios.begin(), in.scenarios.end(),
      [](const engine::ScenarioSpec& a, const engine::ScenarioSpec& b) { return a.name < b.name; });
  in.error = error_;
  return in;
}

}  // namespace

Inputs BuildInputs(const sema::CheckedProgram& checked, const model::Model& model,
                   ir::Module& module) {
  Builder builder(checked, model, module);
  return builder.Build();
}

}  // namespace concord::scenario
