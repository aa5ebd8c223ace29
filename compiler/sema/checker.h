// The checker's internal state, shared by the files that each check one
// group of constructs (declare.cpp, check_charter.cpp, check_scenario.cpp,
// ...), Carbon-style. Not a public header: later phases use check.h.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/sema/checked_program.h"

namespace concord::sema {

enum class ContextKind : uint8_t { kFn, kConcord, kCharter, kTreaty, kScenario };

// Where an expression is written: which names are visible, and whether an
// undecided duration comparison is an error (everywhere but in a concord
// requirement, where it counts as "not satisfied" at evaluation).
struct Context {
  ContextKind kind = ContextKind::kFn;
  const CharterInfo* charter = nullptr;
  const TreatyInfo* treaty = nullptr;
  const ConcordInfo* concord = nullptr;
  const FnInfo* fn = nullptr;
  const ScenarioInfo* scenario = nullptr;
  const NameTable* implicits = nullptr;
  const NameTable* names = nullptr;
  std::vector<const Symbol*> locals;       // parameters, the trigger variable, `income`
  const Symbol* metric = nullptr;          // the metric whose value is being checked
  RequirementInfo* requirement = nullptr;  // records uses_charter / uses_treaty
  // Whether the runtime evaluates the expression on a date, so `today` has a
  // value: rules (the event's date), metrics and `expect`s. Fn bodies may
  // read `today` too; their callers must then be dated (E0243).
  bool dated = false;
};

// A use of one fn or metric inside another: an edge of the dependency graph
// in which E0215 looks for cycles.
struct Dependency {
  const Symbol* from = nullptr;
  const Symbol* to = nullptr;
  diag::SourceRange site;
};

class Checker {
 public:
  friend class ExprChecker;

  Checker(CheckedProgram& out, diag::DiagnosticEngine& diags);
  void Run();

  CheckedProgram& out() { return out_; }
  TypeContext& types() { return out_.types_; }
  diag::DiagnosticEngine& diags() { return diags_; }

  // --- reporting (report.cpp) ------------------------------------------------
  // E0201 with "did you mean" help and a fix-it when a candidate is close.
  diag::Diagnostic& ReportUnknown(const ast::Identifier& id, std::string_view what,
                                  const std::vector<std::string>& candidates,
                                  diag::Code code = diag::Code::E0201);
  // E0202 at `second`, labelling the first declaration (or saying what the
  // name already is when that has no place in the source).
  void ReportDuplicate(const ast::Identifier& second, const Symbol* first);
  void ReportDuplicate(const ast::Identifier& second, diag::SourceRange first);
  // Whether `range` is in a file of the standard library (stdlib/*.concord).
  bool InStdlib(diag::SourceRange range) const;
  // E0212: `id` names `found`, but `expected` ("a charter") is wanted.
  void ReportWrongKind(const ast::Identifier& id, const Symbol* found, std::string_view expected);
  // E0211 at the declaration's name.
  diag::Diagnostic& ReportMissing(const ast::Identifier& decl_name, std::string_view decl_kind,
                                  std::string_view clause);
  // "a member", "an enum constant".
  static std::string WithArticleFor(std::string_view noun);
  // Adds "did you mean" help and a fix-it for `name` at `range`, while the
  // program's budget for suggestions lasts.
  void Suggest(diag::Diagnostic& d, const std::string& name, diag::SourceRange range,
               const std::vector<std::string>& candidates);
  // Whether suggestions are still computed: callers whose candidate lists
  // grow with the program skip building them once the budget is spent.
  bool SuggestionsLeft() const { return suggestion_budget_ > 0; }

  // --- shared lookups --------------------------------------------------------
  void Bind(const ast::Identifier& id, const Symbol* symbol);
  // Resolves a clause's reference to a charter (treaty parties, scenario
  // polities); reports E0201/E0212 and returns null when it is not one.
  const CharterInfo* ResolveCharter(const ast::Identifier& id);
  // A global name, or else a ledger, fund or metric of that name.
  const Symbol* FindAnywhere(std::string_view name) const;
  const TreatyInfo* ResolveTreaty(const ast::Identifier& id);
  // The type a metric's value has, checking the metric on first use.
  const Type* MetricType(const Symbol* metric);
  void AddDependency(const Symbol* from, const Symbol* to, diag::SourceRange site);
  // The symbol of an enum constant, made once per constant.
  const Symbol* EnumConstant(const EnumType* type, int index);
  // Ledgers, funds and metrics named anywhere in the program, for the
  // unqualified names of scenarios.
  const std::vector<const Symbol*>* ProgramWide(std::string_view name) const;
  // The one symbol `today` resolves to (time.cpp).
  const Symbol* Today();
  // Where fn `fn` first reads `today`, directly or through a call; null when
  // it never does. Complete once CheckFns has run (PropagateToday).
  const diag::SourceRange* ReadsToday(const Symbol* fn) const;
  // E0243 at `site` (`what` is "`today`", "`within`" or a call) unless `ctx`
  // is dated; inside a fn, records that the fn reads `today` instead.
  // Returns the diagnostic when one was reported.
  diag::Diagnostic* NoteToday(const Context& ctx, diag::SourceRange site, std::string_view what);

  // Typed checks of one clause expression (expr_checker.h does the work).
  const Type* CheckExpr(const Context& ctx, const ast::Expr* expr, const Type* hint = nullptr);
  // `note` says why the clause wants that type; it is attached to E0203.
  void ExpectType(const Context& ctx, const ast::Expr* expr, const Type* expected,
                  std::string_view note);
  // For clauses that take one of several types (quota: a count or a share).
  void ExpectOneOf(const Context& ctx, const ast::Expr* expr,
                   const std::vector<const Type*>& accepted, std::string_view note);
  // E0221 (check_durations.cpp), after the clause's type check: `what`
  // ("a treaty's term") must be longer than zero, or with `zero_ok` (a
  // notice) not negative. A duration is judged when it is a constant.
  void CheckPositiveDuration(const ast::Expr* expr, std::string_view what, bool zero_ok);
  void CheckPositivePeriod(const ast::Period& period, std::string_view what);
  void CheckPositivePeriod(const std::optional<ast::Period>& period, std::string_view what);

  // --- per-construct checks (one file each) ----------------------------------
  void DeclareGlobals();     // declare.cpp
  void DeclareMembers();     // declare.cpp
  void CollectAttributes();  // attributes.cpp
  void CheckFns();           // check_fn.cpp
  void PropagateToday();     // time.cpp: fns that call a fn reading `today` read it too
  void ReportCycles();       // check_fn.cpp
  void CheckConcords();      // check_concord.cpp
  void CheckCharters();      // check_charter.cpp
  void CheckRule(const Context& ctx, const ast::Rule& rule,
                 const Symbol* symbol);  // check_rule.cpp
  void CheckTreaties();                  // check_treaty.cpp
  void CheckScenarios();                 // check_scenario.cpp

  Context CharterContext(const CharterInfo& charter) const;
  Context TreatyContext(const TreatyInfo& treaty) const;
  Context ScenarioContext(const ScenarioInfo& scenario) const;
  const Type* ResolveTypeRef(const ast::TypeRef& ref);

 private:
  void DeclareCharter(CharterInfo& info);
  void DeclareTreaty(TreatyInfo& info);
  void DeclareScenario(ScenarioInfo& info);
  Symbol* DeclareIn(NameTable& table, const ast::Identifier& id, SymbolKind kind, const Type* type,
                    DeclRef decl, const Symbol* owner, const NameTable* reserved = nullptr);
  const Symbol* AddImplicit(NameTable& table, Implicit implicit, const Type* type,
                            const Symbol* owner);
  void CheckCharter(CharterInfo& info);
  void CheckCharterTreatyLimits(const CharterInfo& info, const Context& ctx);
  void CheckJury(const CharterInfo& info, const ast::Jury& jury, const Context& ctx);
  // check_power.cpp: offices, `decisions`, `sanctions`, classes and dues.
  void CheckPower(const CharterInfo& info, const Context& ctx);
  void CheckOffice(const CharterInfo& info, const ast::Office& office, const Context& ctx);
  void CheckMethod(const CharterInfo& info, const ast::DecisionMethod& method,
                   std::string_view matter, const std::string& what, const Context& ctx);
  void CheckShare(const ast::Share& share, std::string_view what, bool zero_ok);
  bool CheckMatter(const ast::Identifier& matter);
  void CheckSanctions(const CharterInfo& info, const ast::Sanctions& sanctions, const Context& ctx);
  void CheckRotation(const ast::Rotation& rotation, const NameTable& implicits,
                     std::string_view pool);
  void CheckConcordExtends();
  void CheckRequirementCodes(const ConcordInfo& info);
  void CheckTreaty(TreatyInfo& info);
  void CheckScenario(ScenarioInfo& info);
  // `every PERIOD ... until DATE`: a positive period (E0221) and an `until`
  // not before the first date (E0254).
  void CheckRecurrence(const ast::Event& event);
  void CheckEvent(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                  std::map<const CharterInfo*, std::vector<const Symbol*>>& added_rules);
  void CheckAssembly(ScenarioInfo& info, const ast::Event& event, const CharterInfo* polity,
                     std::map<const CharterInfo*, std::vector<const Symbol*>>& added_rules);
  // check_power_events.cpp: the decision events (POWER.md §6).
  void CheckPowerEvent(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                       std::map<const CharterInfo*, std::vector<const Symbol*>>& added_rules);
  void CheckProposal(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                     std::map<const CharterInfo*, std::vector<const Symbol*>>& added_rules);
  void CheckVerdict(ScenarioInfo& info, const ast::Event& event, const Context& ctx);
  // A `vote` or `decide`'s proposal: declared (E0201) and proposed on or
  // before the event's date (E0256).
  const Symbol* ResolveProposal(const ScenarioInfo& info, const ast::Event& event);
  // E0261 for each name after its first in one event's list.
  void ReportListedTwice(const std::vector<const ast::Identifier*>& names,
                         std::string_view event_word);

 public:
  // An office of `polity`, or (null polity) of the one charter declaring it:
  // E0257 / E0201 / E0262 (ambiguous; the help shows `in P` for events,
  // `P.office` for expressions).
  const Symbol* ResolveOffice(const ast::Identifier& office, const CharterInfo* polity,
                              bool in_expression);

 private:
  const Symbol* ResolveScenarioName(const ScenarioInfo& info, const ast::Identifier& id,
                                    SymbolKind kind, std::string_view wanted);
  const Symbol* ResolveAccount(const ScenarioInfo& info, const ast::Identifier& id,
                               const CharterInfo* polity_hint);
  void CollectAttribute(RecordType& record, const ast::Attribute& attribute, const Context& ctx);
  void FindCycles(const std::vector<const Symbol*>& nodes);
  // metric_order.cpp: the metrics a metric's text reads, and checking them
  // (and what they read) before it, without recursion.
  std::vector<const Symbol*> MetricReadsInText(const Symbol* metric);
  void TypeMetricsReadBy(const Symbol* metric);

  CheckedProgram& out_;
  diag::DiagnosticEngine& diags_;
  std::vector<Dependency> dependencies_;
  // Edit-distance table cells all "did you mean" searches may fill: about a
  // quarter of a second; a typical file with a few typos uses thousands.
  size_t suggestion_budget_ = 50'000'000;
  std::map<std::string, std::vector<const Symbol*>, std::less<>> program_wide_;
  // Metrics: their value types once checked, and those being checked now
  // (a metric met again while in progress is part of a cycle).
  std::map<const Symbol*, const Type*> metric_types_;
  std::map<const Symbol*, bool> metric_in_progress_;
  std::map<const Symbol*, const CharterInfo*> metric_owner_;
  std::vector<Symbol*> metric_symbols_;  // their types are filled in at the end
  bool ordering_metrics_ = false;        // within TypeMetricsReadBy
  std::map<std::pair<const EnumType*, int>, const Symbol*> enum_constants_;
  const Symbol* today_ = nullptr;
  std::map<const Symbol*, diag::SourceRange> reads_today_;
};

}  // namespace concord::sema
