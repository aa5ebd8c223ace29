// Scenarios: every name an event mentions has the right kind (members,
// charters, treaties and their parties, disputes, ledgers and funds), rules
// amended by assemblies exist, added rules are checked in their charter, and
// `expect` lines are bools.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/model_types.h"

namespace concord::sema {
namespace {

std::vector<std::string> NamesOf(const std::vector<const Symbol*>& symbols) {
  std::vector<std::string> names;
  for (const Symbol* s : symbols) names.push_back(s->name);
  return names;
}

bool IsParty(const TreatyInfo& treaty, const CharterInfo* charter) {
  for (const CharterInfo* p : treaty.parties) {
    if (p == charter) return true;
  }
  return false;
}

}  // namespace

void Checker::CheckScenarios() {
  for (auto& info : out_.scenarios_) CheckScenario(*info);
}

const Symbol* Checker::ResolveScenarioName(const ScenarioInfo& info, const ast::Identifier& id,
                                           SymbolKind kind, std::string_view wanted) {
  const Symbol* symbol = info.names.Find(id.name);
  if (!symbol) symbol = FindAnywhere(id.name);
  if (!symbol) {
    const auto& pool = kind == SymbolKind::kMember     ? info.members
                       : kind == SymbolKind::kProposal ? info.proposals
                                                       : info.disputes;
    ReportUnknown(id, wanted, SuggestionsLeft() ? NamesOf(pool) : std::vector<std::string>{});
    return nullptr;
  }
  Bind(id, symbol);
  if (symbol->kind != kind) {
    ReportWrongKind(id, symbol, Checker::WithArticleFor(wanted));
    return nullptr;
  }
  return symbol;
}

const Symbol* Checker::ResolveAccount(const ScenarioInfo& info, const ast::Identifier& id,
                                      const CharterInfo* polity_hint) {
  std::vector<const Symbol*> accounts;
  if (const auto* found = ProgramWide(id.name)) {
    for (const Symbol* s : *found) {
      if (s->kind == SymbolKind::kLedger || s->kind == SymbolKind::kFund) accounts.push_back(s);
    }
  }
  if (accounts.empty()) {
    const Symbol* other = info.names.Find(id.name);
    if (!other) other = out_.FindGlobal(id.name);
    if (other) {
      Bind(id, other);
      ReportWrongKind(id, other, "a ledger or a fund");
      return nullptr;
    }
    std::vector<std::string> candidates;
    for (const auto& [name, symbols] : program_wide_) {
      if (!SuggestionsLeft()) break;
      for (const Symbol* s : symbols) {
        if (s->kind != SymbolKind::kMetric) candidates.push_back(name);
      }
    }
    ReportUnknown(id, "ledger or fund", candidates);
    return nullptr;
  }
  // Several with the same name: the contributor's own charter's ledger, or
  // a fund of a treaty it is party to, decides.
  if (accounts.size() > 1 && polity_hint) {
    std::vector<const Symbol*> own;
    for (const Symbol* s : accounts) {
      const TreatyInfo* treaty = out_.TreatyOf(s->owner);
      if (s->owner == polity_hint->symbol || (treaty && IsParty(*treaty, polity_hint))) {
        own.push_back(s);
      }
    }
    if (own.size() == 1) accounts = own;
  }
  if (accounts.size() == 1) {
    Bind(id, accounts.front());
    return accounts.front();
  }
  std::string what;
  for (size_t i = 0; i < accounts.size(); ++i) {
    if (i > 0) what += i + 1 == accounts.size() ? " and " : ", ";
    what += fmt::format("a {} of `{}`", KindName(accounts[i]->kind), accounts[i]->owner->name);
  }
  diag::Diagnostic& d = diags_.Report(diag::Code::E0219, id.range, id.name, what);
  for (const Symbol* s : accounts) {
    d.WithLabel(s->range, fmt::format("a {} of `{}`", KindName(s->kind), s->owner->name));
  }
  d.WithHelp("rename one of them so that scenarios can name it");
  return nullptr;
}

void Checker::CheckAssembly(ScenarioInfo& info, const ast::Event& event, const CharterInfo* polity,
                            std::map<const CharterInfo*, std::vector<const Symbol*>>& added) {
  (void)info;
  if (!polity) return;
  auto find_rule = [&](const std::string& name) -> const Symbol* {
    if (const Symbol* s = polity->names.Find(name)) return s;
    for (const Symbol* s : added[polity]) {
      if (s->name == name) return s;
    }
    return nullptr;
  };
  for (const ast::Change& change : event.changes) {
    if (change.target) {
      const Symbol* target = find_rule(change.target->name);
      if (!target) {
        std::vector<std::string> candidates = NamesOf(polity->rules);
        for (const Symbol* s : added[polity]) candidates.push_back(s->name);
        ReportUnknown(*change.target, "rule", candidates)
            .WithNote(fmt::format("the rules of `{}` are those it declares and those added by "
                                  "earlier assemblies",
                                  polity->symbol->name));
      } else if (target->kind != SymbolKind::kRule) {
        Bind(*change.target, target);
        ReportWrongKind(*change.target, target, "a rule");
      } else {
        Bind(*change.target, target);
      }
    }
    if (!change.rule) continue;
    const ast::Rule& rule = *change.rule;
    Symbol* symbol = out_.NewSymbol(SymbolKind::kRule, rule.name.name, rule.name.range,
                                    types().FindRecord("rule")->type, &rule, polity->symbol);
    Bind(rule.name, symbol);
    bool replaces_itself = change.target && change.target->name == rule.name.name;
    if (const Symbol* existing = find_rule(rule.name.name); existing && !replaces_itself) {
      ReportDuplicate(rule.name, existing);
    }
    added[polity].push_back(symbol);
    CheckRule(CharterContext(*polity), rule, symbol);
  }
}

void Checker::CheckEvent(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                         std::map<const CharterInfo*, std::vector<const Symbol*>>& added) {
  auto member = [&](const ast::Identifier& id) {
    return ResolveScenarioName(info, id, SymbolKind::kMember, "member");
  };
  auto party = [&](const TreatyInfo* treaty, const ast::Identifier& id) {
    const CharterInfo* charter = ResolveCharter(id);
    if (treaty && charter && !IsParty(*treaty, charter)) {
      diags_
          .Report(diag::Code::E0212, id.range, id.name, "a charter",
                  fmt::format("a party of `{}`", treaty->symbol->name))
          .WithLabel(treaty->decl->parties_range,
                     fmt::format("the parties of `{}`", treaty->symbol->name));
    }
    return charter;
  };

  switch (event.kind) {
    case ast::EventKind::kJoin: {
      const Symbol* who = member(event.subject);
      const CharterInfo* polity = event.target ? ResolveCharter(*event.target) : nullptr;
      if (who && polity) info.member_polity.emplace(who, polity);
      break;
    }
    case ast::EventKind::kLeave:
      member(event.subject);
      if (event.target) ResolveCharter(*event.target);
      break;
    case ast::EventKind::kSign:
    case ast::EventKind::kRenew: {
      const TreatyInfo* treaty = ResolveTreaty(event.subject);
      for (const ast::Identifier& id : event.names) party(treaty, id);
      break;
    }
    case ast::EventKind::kExit: {
      const TreatyInfo* treaty = event.target ? ResolveTreaty(*event.target) : nullptr;
      party(treaty, event.subject);
      break;
    }
    case ast::EventKind::kAssembly: {
      const CharterInfo* polity = ResolveCharter(event.subject);
      for (const ast::Identifier& id : event.names) member(id);
      CheckAssembly(info, event, polity, added);
      break;
    }
    case ast::EventKind::kDispute:
      ResolveScenarioName(info, event.subject, SymbolKind::kDispute, "dispute");
      if (event.target) ResolveCharter(*event.target);
      for (const ast::Identifier& id : event.names) member(id);
      break;
    case ast::EventKind::kRuling:
      ResolveScenarioName(info, event.subject, SymbolKind::kDispute, "dispute");
      break;
    case ast::EventKind::kContribute: {
      const Symbol* who = member(event.subject);
      ExpectType(ctx, event.amount.get(), types().Money(), "a contribution is an amount of money");
      const CharterInfo* polity = nullptr;
      if (who) {
        auto it = info.member_polity.find(who);
        if (it != info.member_polity.end()) polity = it->second;
      }
      if (event.target) ResolveAccount(info, *event.target, polity);
      break;
    }
    case ast::EventKind::kReport:
      ResolveAccount(info, event.subject, nullptr);
      break;
    case ast::EventKind::kStressGame:
      ResolveCharter(event.subject);
      for (const ast::Identifier& id : event.names) member(id);
      break;
    case ast::EventKind::kReflection:
      ResolveCharter(event.subject);
      break;
    case ast::EventKind::kDistress:
    case ast::EventKind::kRespond: {
      const TreatyInfo* treaty = ResolveTreaty(event.subject);
      for (const ast::Identifier& id : event.names) party(treaty, id);
      break;
    }
    case ast::EventKind::kRecord: {
      if (event.kind_word && !FindHistoryKind(event.kind_word->name)) {
        std::vector<std::string> words;
        for (const HistoryKind& k : HistoryKinds()) words.emplace_back(k.word);
        ReportUnknown(*event.kind_word, "", words, diag::Code::E0217)
            .WithNote("a scenario records a `decision`, a `conflict` or a `resource`");
      }
      ResolveScenarioName(info, event.subject, SymbolKind::kHistoryRecord, "history record");
      if (event.target) ResolveCharter(*event.target);
      break;
    }
    case ast::EventKind::kPropose:
    case ast::EventKind::kVote:
    case ast::EventKind::kDecide:
    case ast::EventKind::kElect:
    case ast::EventKind::kPetition:
    case ast::EventKind::kVerdict:
    case ast::EventKind::kWaive:
      CheckPowerEvent(info, event, ctx, added);
      break;
  }
}

void Checker::CheckRecurrence(const ast::Event& event) {
  const ast::Event::Recurrence& r = *event.recurrence;
  // `every 0 months` would put every occurrence on the first date.
  CheckPositivePeriod(r.every, "the period of a recurring event");
  if (!r.until || r.until->value >= event.date.value) return;
  // An `until` on the first date itself is one occurrence; before it, none,
  // which is never what was meant (docs/codes/E0254.md).
  diags_
      .Report(diag::Code::E0254, r.until->range, r.until->value.ToString(),
              event.date.value.ToString())
      .WithLabel(event.date.range, "the first occurrence is on this date")
      .WithHelp("give `until` the date of the last occurrence, on or after the first");
}

void Checker::CheckScenario(ScenarioInfo& info) {
  const ast::ScenarioDecl& s = *info.decl;
  // The engine plays every day from start to `run until`; a bound on the
  // span bounds the work and the timeline of a run (docs/reference.md, Limits).
  constexpr int64_t kMaxScenarioYears = 1000;
  if (s.start && s.run_until && s.run_until->value <= s.start->value) {
    // A run plays every day from `start` to `run until`: one that ends
    // before it starts would play nothing, and one that ends on its start
    // day leaves no time between them; both are refused (docs/codes/E0222.md).
    diags_
        .Report(diag::Code::E0222, s.run_until->range, s.name.name, s.run_until->value.ToString(),
                s.start->value.ToString())
        .WithLabel(s.start->range, "the scenario starts here")
        .WithHelp("give `run until` a date after `start`, or swap the two dates");
  } else if (s.start && s.run_until &&
             s.run_until->value > s.start->value.AddMonths(12 * kMaxScenarioYears)) {
    diags_
        .Report(diag::Code::E0220, s.run_until->range, s.name.name, s.start->value.ToString(),
                s.run_until->value.ToString(), kMaxScenarioYears)
        .WithLabel(s.start->range, "the scenario starts here")
        .WithHelp("play the years in several scenarios, each starting where the last ended");
  }
  Context ctx = ScenarioContext(info);
  for (const ast::MembersDecl& m : s.members) {
    const CharterInfo* polity = ResolveCharter(m.polity);
    if (!polity) continue;
    for (const ast::Identifier& name : m.members) {
      if (const Symbol* symbol = out_.SymbolAt(&name)) info.member_polity.emplace(symbol, polity);
    }
  }
  std::map<const CharterInfo*, std::vector<const Symbol*>> added;
  for (const ast::Event& event : s.events) {
    CheckEvent(info, event, ctx, added);
    if (event.recurrence) CheckRecurrence(event);
  }
  const Type* boolean = types().Bool();
  Context expect_ctx = ctx;
  expect_ctx.dated = true;  // evaluated on its day (`expect on DATE`) or the last day of the run
  for (const ast::Expectation& e : s.expectations) {
    if (e.condition) {
      ExpectType(expect_ctx, e.condition.get(), boolean,
                 "an `expect` line states a condition (a bool)");
    }
  }
}

}  // namespace concord::sema
