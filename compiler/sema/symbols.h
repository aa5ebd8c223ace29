// What names denote. A Symbol is one declared (or implicit) name: a charter,
// a rule of a charter, a fund of a treaty, a member of a scenario, a
// parameter, a comprehension variable, an enum constant. Every NameRef and
// every referring Identifier of the AST resolves to one Symbol; the per
// declaration tables (CharterInfo, TreatyInfo, ...) list the names each
// declaration introduces, in source order.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/sema/types.h"
#include "compiler/syntax/ast.h"

namespace concord::sema {

enum class SymbolKind : uint8_t {
  // Global: one namespace for the whole program.
  kCharter,
  kTreaty,
  kConcord,
  kFn,
  kScenario,
  // Inside a charter (rules also inside a treaty).
  kRule,
  kLedger,
  kFunction,  // `function food_sourcing essential { ... }`, not a `fn`
  kMetric,
  kOffice,  // `office coordinators { ... }`: its own namespace in the charter
  // Inside a treaty.
  kFund,
  // Inside a scenario.
  kMember,
  kDispute,
  kHistoryRecord,  // `record decision x1 in p`
  kProposal,       // `propose p1 in linden ...`
  // Local to an expression's surroundings.
  kParam,
  kVariable,         // a comprehension's variable
  kTriggerVariable,  // `on contribution c`
  kImplicit,         // `members`, `rules`, `charter`, `income`, ... (see Implicit)
  kEnumConstant,
};

// Human wording: "charter", "rule", "comprehension variable".
const char* KindName(SymbolKind kind);

// The names a context provides without declaring them.
enum class Implicit : uint8_t {
  kNone,
  kMembers,    // charter: set<member>, the members at evaluation time
  kRules,      // charter or treaty: set<rule>
  kDecisions,  // charter: set<decision>
  kConflicts,  // charter: set<conflict>
  kResources,  // charter: set<resource>
  kLedgers,    // charter: set<ledger>
  kFunctions,  // charter: set<function>
  kMetrics,    // charter: set<metric>
  kParties,    // treaty: set<charter>
  kFunds,      // treaty: set<fund>
  kIncome,     // contribution formulas: the contributing member's income
  kCharter,    // concord requirement: the charter being checked
  kTreaty,     // concord requirement: the treaty being checked
  kToday,      // rules, metrics, `expect`s and fns: the date of the evaluation
};

const char* ImplicitName(Implicit implicit);

struct CharterInfo;
struct TreatyInfo;
struct ConcordInfo;
struct FnInfo;
struct ScenarioInfo;

// The AST node that declares a symbol (monostate for implicit names and enum
// constants). Events declare scenario members (`join`), disputes and records.
using DeclRef =
    std::variant<std::monostate, const ast::CharterDecl*, const ast::TreatyDecl*,
                 const ast::ConcordDecl*, const ast::FnDecl*, const ast::ScenarioDecl*,
                 const ast::Rule*, const ast::Ledger*, const ast::Function*, const ast::Metric*,
                 const ast::Office*, const ast::Fund*, const ast::MembersDecl*, const ast::Event*,
                 const ast::Param*, const ast::Comprehension*, const ast::RuleTrigger*>;

struct Symbol {
  SymbolKind kind = SymbolKind::kCharter;
  std::string name;
  // The declaring identifier; invalid for implicit names and enum constants.
  diag::SourceRange range;
  // The type of the name used as a value; null for concords, fns and
  // scenarios, which are not values.
  const Type* type = nullptr;
  DeclRef decl;
  // The charter, treaty, scenario, fn or concord the name belongs to; null for
  // globals and enum constants.
  const Symbol* owner = nullptr;
  Implicit implicit = Implicit::kNone;
  int enum_index = -1;  // kEnumConstant: index into type->enum_type()->constants

  template <typename T>
  const T* As() const {
    auto* p = std::get_if<const T*>(&decl);
    return p ? *p : nullptr;
  }
};

// Names in declaration order with lookup by name. Iteration is always in
// declaration order, never in hash or pointer order.
class NameTable {
 public:
  // Adds `symbol` unless the name is taken; returns the earlier symbol then.
  const Symbol* Add(const Symbol* symbol);
  const Symbol* Find(std::string_view name) const;
  const std::vector<const Symbol*>& ordered() const { return ordered_; }
  std::vector<std::string> Names() const;

 private:
  std::vector<const Symbol*> ordered_;
  std::map<std::string, const Symbol*, std::less<>> by_name_;
};

// A requirement of a concord, with what it reads: the concord phase checks a
// requirement that names `charter` against every charter claiming the
// concord, one that names `treaty` against every treaty between such charters.
struct RequirementInfo {
  const ast::Requirement* requirement = nullptr;
  const ConcordInfo* concord = nullptr;  // where it is written (a base, for inherited ones)
  bool uses_charter = false;
  bool uses_treaty = false;
};

struct CharterInfo {
  const Symbol* symbol = nullptr;
  const ast::CharterDecl* decl = nullptr;
  // The concord it claims (`minimal` without a `concord` clause); null when
  // that name does not resolve to a concord.
  const ConcordInfo* concord = nullptr;
  NameTable names;  // rules, ledgers, functions and metrics: one namespace
  NameTable implicits;
  const Symbol* income = nullptr;  // in scope only in `accept contribution` formulas
  std::vector<const Symbol*> rules, ledgers, functions, metrics;  // declaration order
  NameTable offices;                          // offices are named only where an office is expected
  std::vector<const Symbol*> office_symbols;  // declaration order
};

struct TreatyInfo {
  const Symbol* symbol = nullptr;
  const ast::TreatyDecl* decl = nullptr;
  std::vector<const CharterInfo*> parties;  // the ones that resolved, in order
  NameTable names;                          // funds and rules
  NameTable implicits;
  const Symbol* income = nullptr;  // in scope only in fund contribution formulas
  std::vector<const Symbol*> funds, rules;
};

struct ConcordInfo {
  const Symbol* symbol = nullptr;
  const ast::ConcordDecl* decl = nullptr;
  const ConcordInfo* extends = nullptr;       // null without `extends` or when it is invalid
  NameTable implicits;                        // charter, treaty
  std::vector<RequirementInfo> requirements;  // its own, in order
  // Inherited requirements first (the base's base first), then its own.
  std::vector<const RequirementInfo*> AllRequirements() const;
};

struct FnInfo {
  const Symbol* symbol = nullptr;
  const ast::FnDecl* decl = nullptr;
  std::vector<const Symbol*> params;
  std::vector<const Type*> param_types;  // error type where a type is unknown
  const Type* result = nullptr;
};

struct ScenarioInfo {
  const Symbol* symbol = nullptr;
  const ast::ScenarioDecl* decl = nullptr;
  NameTable names;  // members, disputes, history records and proposals: one namespace
  std::vector<const Symbol*> members, disputes, records, proposals;
  // The charter each member was first declared in or joined.
  std::map<const Symbol*, const CharterInfo*> member_polity;
};

}  // namespace concord::sema
