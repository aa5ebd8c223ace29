// Declaration passes: every global name, then the names each declaration
// introduces (rules, ledgers, funds, parameters, scenario members, ...).
// Duplicates are reported at the later declaration in program order (load
// order across files, source order within one), labelling the first.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/sema/checker.h"
#include "compiler/sema/model_types.h"

namespace concord::sema {
namespace {

// One declaration awaiting its symbol, so that a file's declarations of
// different kinds can be visited in source order.
struct Pending {
  const ast::Identifier* name;
  SymbolKind kind;
  DeclRef decl;
};

void SortBySource(std::vector<Pending>& pending) {
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return a.name->range.begin < b.name->range.begin;
  });
}

}  // namespace

void Checker::DeclareGlobals() {
  TypeContext& t = types();
  for (const auto& file : out_.program().files) {
    std::vector<Pending> pending;
    for (const auto& d : file->fns) pending.push_back({&d.name, SymbolKind::kFn, &d});
    for (const auto& d : file->concords) pending.push_back({&d.name, SymbolKind::kConcord, &d});
    for (const auto& d : file->charters) pending.push_back({&d.name, SymbolKind::kCharter, &d});
    for (const auto& d : file->treaties) pending.push_back({&d.name, SymbolKind::kTreaty, &d});
    for (const auto& d : file->scenarios) pending.push_back({&d.name, SymbolKind::kScenario, &d});
    SortBySource(pending);

    for (const Pending& p : pending) {
      const Type* type = nullptr;
      if (p.kind == SymbolKind::kCharter) type = t.FindRecord("charter")->type;
      if (p.kind == SymbolKind::kTreaty) type = t.FindRecord("treaty")->type;
      Symbol* symbol = out_.NewSymbol(p.kind, p.name->name, p.name->range, type, p.decl, nullptr);
      Bind(*p.name, symbol);
      // The standard functions' names are reserved: a call must always mean
      // the same thing whichever files are loaded.
      if (p.kind == SymbolKind::kFn && FindBuiltin(p.name->name)) {
        diags_.Report(diag::Code::E0202, p.name->range, p.name->name)
            .WithNote(fmt::format("`{}` is a standard function", p.name->name));
      } else if (const Symbol* first = out_.globals_.Add(symbol)) {
        ReportDuplicate(*p.name, first);
      }
      // A duplicate still gets its info, so that its body is checked too.
      switch (p.kind) {
        case SymbolKind::kFn: {
          auto info = std::make_unique<FnInfo>();
          info->symbol = symbol;
          info->decl = std::get<const ast::FnDecl*>(p.decl);
          out_.infos_[info->decl] = info.get();
          out_.fns_.push_back(std::move(info));
          break;
        }
        case SymbolKind::kConcord: {
          auto info = std::make_unique<ConcordInfo>();
          info->symbol = symbol;
          info->decl = std::get<const ast::ConcordDecl*>(p.decl);
          out_.infos_[info->decl] = info.get();
          out_.concords_.push_back(std::move(info));
          break;
        }
        case SymbolKind::kCharter: {
          auto info = std::make_unique<CharterInfo>();
          info->symbol = symbol;
          info->decl = std::get<const ast::CharterDecl*>(p.decl);
          out_.infos_[info->decl] = info.get();
          out_.charters_.push_back(std::move(info));
          break;
        }
        case SymbolKind::kTreaty: {
          auto info = std::make_unique<TreatyInfo>();
          info->symbol = symbol;
          info->decl = std::get<const ast::TreatyDecl*>(p.decl);
          out_.infos_[info->decl] = info.get();
          out_.treaties_.push_back(std::move(info));
          break;
        }
        case SymbolKind::kScenario: {
          auto info = std::make_unique<ScenarioInfo>();
          info->symbol = symbol;
          info->decl = std::get<const ast::ScenarioDecl*>(p.decl);
          out_.infos_[info->decl] = info.get();
          out_.scenarios_.push_back(std::move(info));
          break;
        }
        default:
          break;
      }
    }
  }
}

Symbol* Checker::DeclareIn(NameTable& table, const ast::Identifier& id, SymbolKind kind,
                           const Type* type, DeclRef decl, const Symbol* owner,
                           const NameTable* reserved) {
  Symbol* symbol = out_.NewSymbol(kind, id.name, id.range, type, decl, owner);
  Bind(id, symbol);
  if (reserved) {
    if (const Symbol* implicit = reserved->Find(id.name)) {
      ReportDuplicate(id, implicit);
      return symbol;
    }
  }
  if (const Symbol* first = table.Add(symbol)) ReportDuplicate(id, first);
  return symbol;
}

const Symbol* Checker::AddImplicit(NameTable& table, Implicit implicit, const Type* type,
                                   const Symbol* owner) {
  Symbol* symbol = out_.NewSymbol(SymbolKind::kImplicit, ImplicitName(implicit), {}, type,
                                  std::monostate{}, owner);
  symbol->implicit = implicit;
  table.Add(symbol);
  return symbol;
}

void Checker::DeclareMembers() {
  TypeContext& t = types();
  for (auto& info : out_.charters_) DeclareCharter(*info);
  for (auto& info : out_.treaties_) DeclareTreaty(*info);
  for (auto& info : out_.concords_) {
    AddImplicit(info->implicits, Implicit::kCharter, t.FindRecord("charter")->type, info->symbol);
    AddImplicit(info->implicits, Implicit::kTreaty, t.FindRecord("treaty")->type, info->symbol);
  }
  for (auto& info : out_.fns_) {
    NameTable params;
    for (const ast::Param& p : info->decl->params) {
      const Type* type = ResolveTypeRef(p.type);
      info->params.push_back(DeclareIn(params, p.name, SymbolKind::kParam, type, &p, info->symbol));
      info->param_types.push_back(type);
    }
    info->result = ResolveTypeRef(info->decl->result);
  }
  for (auto& info : out_.scenarios_) DeclareScenario(*info);
}

void Checker::DeclareCharter(CharterInfo& info) {
  TypeContext& t = types();
  const ast::CharterDecl& c = *info.decl;
  auto set_of = [&](std::string_view record) { return t.Set(t.FindRecord(record)->type); };
  const Symbol* owner = info.symbol;
  AddImplicit(info.implicits, Implicit::kMembers, set_of("member"), owner);
  AddImplicit(info.implicits, Implicit::kRules, set_of("rule"), owner);
  AddImplicit(info.implicits, Implicit::kDecisions, set_of("decision"), owner);
  AddImplicit(info.implicits, Implicit::kConflicts, set_of("conflict"), owner);
  AddImplicit(info.implicits, Implicit::kResources, set_of("resource"), owner);
  AddImplicit(info.implicits, Implicit::kLedgers, set_of("ledger"), owner);
  AddImplicit(info.implicits, Implicit::kFunctions, set_of("function"), owner);
  AddImplicit(info.implicits, Implicit::kMetrics, set_of("metric"), owner);
  NameTable unused;
  info.income = AddImplicit(unused, Implicit::kIncome, t.Money(), owner);

  std::vector<Pending> pending;
  for (const auto& r : c.rules) pending.push_back({&r.name, SymbolKind::kRule, &r});
  for (const auto& l : c.ledgers) pending.push_back({&l.name, SymbolKind::kLedger, &l});
  for (const auto& f : c.functions) pending.push_back({&f.name, SymbolKind::kFunction, &f});
  for (const auto& m : c.metrics) pending.push_back({&m.name, SymbolKind::kMetric, &m});
  SortBySource(pending);
  // A second charter of the same name (E0202) is still checked, but its
  // ledgers and metrics are not offered to scenarios: they would make every
  // use of their names ambiguous (E0219), echoes of the one duplicate.
  const bool duplicate = out_.FindGlobal(owner->name) != owner;
  for (const Pending& p : pending) {
    const Type* type = nullptr;
    switch (p.kind) {
      case SymbolKind::kRule:
        type = t.FindRecord("rule")->type;
        break;
      case SymbolKind::kLedger:
        type = t.FindRecord("ledger")->type;
        break;
      case SymbolKind::kFunction:
        type = t.FindRecord("function")->type;
        break;
      default:
        break;  // a metric's type is its value's, known once checked
    }
    Symbol* symbol = DeclareIn(info.names, *p.name, p.kind, type, p.decl, owner, &info.implicits);
    switch (p.kind) {
      case SymbolKind::kRule:
        info.rules.push_back(symbol);
        break;
      case SymbolKind::kLedger:
        info.ledgers.push_back(symbol);
        if (!duplicate) program_wide_[symbol->name].push_back(symbol);
        break;
      case SymbolKind::kFunction:
        info.functions.push_back(symbol);
        break;
      case SymbolKind::kMetric:
        info.metrics.push_back(symbol);
        metric_owner_[symbol] = &info;
        metric_symbols_.push_back(symbol);
        if (!duplicate) program_wide_[symbol->name].push_back(symbol);
        break;
      default:
        break;
    }
  }

  for (const ast::Office& o : c.offices) {
    info.office_symbols.push_back(DeclareIn(info.offices, o.name, SymbolKind::kOffice,
                                            t.FindRecord("office")->type, &o, owner));
  }

  // Teams are never referred to by name, but two teams of one function with
  // the same name are still a slip worth reporting.
  for (const ast::Function& f : c.functions) {
    std::map<std::string, diag::SourceRange> teams;
    for (const ast::Team& team : f.teams) {
      auto [it, inserted] = teams.emplace(team.name.name, team.name.range);
      if (!inserted) ReportDuplicate(team.name, it->second);
    }
  }
}

void Checker::DeclareTreaty(TreatyInfo& info) {
  TypeContext& t = types();
  const ast::TreatyDecl& d = *info.decl;
  const Symbol* owner = info.symbol;
  AddImplicit(info.implicits, Implicit::kParties, t.Set(t.FindRecord("charter")->type), owner);
  AddImplicit(info.implicits, Implicit::kRules, t.Set(t.FindRecord("rule")->type), owner);
  AddImplicit(info.implicits, Implicit::kFunds, t.Set(t.FindRecord("fund")->type), owner);
  NameTable unused;
  info.income = AddImplicit(unused, Implicit::kIncome, t.Money(), owner);

  std::vector<Pending> pending;
  for (const auto& f : d.funds) pending.push_back({&f.name, SymbolKind::kFund, &f});
  for (const auto& r : d.rules) pending.push_back({&r.name, SymbolKind::kRule, &r});
  SortBySource(pending);
  const bool duplicate = out_.FindGlobal(owner->name) != owner;  // as for charters
  for (const Pending& p : pending) {
    const Type* type = t.FindRecord(p.kind == SymbolKind::kFund ? "fund" : "rule")->type;
    const Symbol* symbol =
        DeclareIn(info.names, *p.name, p.kind, type, p.decl, owner, &info.implicits);
    if (p.kind == SymbolKind::kFund) {
      info.funds.push_back(symbol);
      if (!duplicate) program_wide_[symbol->name].push_back(symbol);
    } else {
      info.rules.push_back(symbol);
    }
  }
}

void Checker::DeclareScenario(ScenarioInfo& info) {
  TypeContext& t = types();
  const ast::ScenarioDecl& s = *info.decl;
  const Type* member = t.FindRecord("member")->type;
  // Scenario names live beside the global ones in expressions, so a clash
  // with a charter or treaty name would make `expect` lines ambiguous.
  auto declare = [&](const ast::Identifier& id, SymbolKind kind, const Type* type,
                     DeclRef decl) -> const Symbol* {
    if (const Symbol* global = out_.FindGlobal(id.name)) ReportDuplicate(id, global);
    // Declared even after a clash, so that its uses resolve to it.
    return DeclareIn(info.names, id, kind, type, decl, info.symbol);
  };

  for (const ast::MembersDecl& m : s.members) {
    for (const ast::Identifier& name : m.members) {
      if (const Symbol* symbol = declare(name, SymbolKind::kMember, member, &m)) {
        info.members.push_back(symbol);
      }
    }
  }
  for (const ast::Event& e : s.events) {
    switch (e.kind) {
      case ast::EventKind::kJoin:
        // Joining a second polity is not a new person.
        if (info.names.Find(e.subject.name)) break;
        if (const Symbol* symbol = declare(e.subject, SymbolKind::kMember, member, &e)) {
          info.members.push_back(symbol);
        }
        break;
      case ast::EventKind::kDispute:
        if (const Symbol* symbol =
                declare(e.subject, SymbolKind::kDispute, t.FindRecord("dispute")->type, &e)) {
          info.disputes.push_back(symbol);
        }
        break;
      case ast::EventKind::kPropose: {
        // `admission of ivo` may name a newcomer, who exists from here on.
        if (e.matter == ast::ProposalMatter::kAdmission && !e.names.empty() &&
            !info.names.Find(e.names.front().name)) {
          if (const Symbol* symbol = declare(e.names.front(), SymbolKind::kMember, member, &e)) {
            info.members.push_back(symbol);
          }
        }
        // A second proposal with the same id is E0255 (check_power_events.cpp),
        // not a duplicate declaration: the first one stays the proposal.
        if (const Symbol* first = info.names.Find(e.subject.name);
            first && first->kind == SymbolKind::kProposal) {
          break;
        }
        if (const Symbol* symbol =
                declare(e.subject, SymbolKind::kProposal, t.FindRecord("proposal")->type, &e)) {
          info.proposals.push_back(symbol);
        }
        break;
      }
      case ast::EventKind::kRecord: {
        const HistoryKind* kind = e.kind_word ? FindHistoryKind(e.kind_word->name) : nullptr;
        const Type* type = kind ? t.FindRecord(kind->word)->type : t.Error();
        if (const Symbol* symbol = declare(e.subject, SymbolKind::kHistoryRecord, type, &e)) {
          info.records.push_back(symbol);
        }
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace concord::sema
