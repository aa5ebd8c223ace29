// The compiled model of charters and treaties: plain structs with resolved,
// evaluated values, each keeping the source range of the clause it came
// from. Built from the typed AST (build_model.h); concord requirements read
// it as records of the schema in compiler/sema/model_types.def
// (model_values.h), compatibility checks and the runtime read it directly.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/syntax/ast.h"
#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"

namespace concord::model {

using diag::SourceRange;

// A value and where it was written; `range` is invalid for defaults the
// model filled in because the clause is absent.
template <typename T>
struct Field {
  T value{};
  SourceRange range;
};

struct ExitPolicy {
  Field<bool> anytime;
  Field<values::Duration> notice;
  Field<bool> penalty;  // range: the penalty text
  std::string penalty_text;
  SourceRange range;
};

struct Membership {
  Field<ast::EntryMode> entry;
  int64_t sponsors = 0;
  std::optional<values::Decimal> vote;  // a fraction
  ExitPolicy exit;
  SourceRange range;
};

struct Revision {
  Field<values::Duration> every;
  Field<values::Decimal> quota;                // rules per cycle, as a count
  std::optional<values::Decimal> quota_share;  // `quota P of rules`
  // `changed` unless the quota says `reconsidered`; range: the quota clause.
  Field<ast::QuotaCounting> quota_counts;
  std::optional<values::Decimal> quorum_share;  // `quorum P of members`
  std::optional<values::Decimal> quorum_count;  // `quorum N`
  SourceRange range;
};

struct Rule {
  std::string name;
  std::optional<std::string> title;
  bool prose = false;
  bool executable = false;
  std::optional<std::string> event;
  // Computed: the rule reaches into another polity (see build_model.cpp).
  Field<bool> binds_non_members;
  // Computed: the rule can refuse the event it is triggered by — it has a
  // `require` or a `when ... then reject` (see build_model.cpp). A rule whose
  // only outcomes are `then flag` informs and refuses nothing.
  Field<bool> rejects;
  bool has_message = true;
  SourceRange range;
  SourceRange name_range;
  const ast::Rule* decl = nullptr;
};

struct Team {
  std::string name;
  std::optional<std::string> method;
  SourceRange range;
};

struct Function {
  std::string name;
  std::optional<std::string> title;
  bool essential = false;
  std::vector<Team> teams;
  SourceRange range;
};

struct RulingPolicy {
  Field<bool> expires;
  std::optional<values::Duration> after;
  bool reaffirmable = false;
  SourceRange range;
};

struct Jury {
  Field<int64_t> size;
  Field<ast::DrawMode> draw{ast::DrawMode::kAppointed, {}};
  Field<int64_t> external;
  std::optional<std::string> external_when;
  RulingPolicy ruling;
  SourceRange range;
};

struct Ledger {
  std::string name;
  std::optional<std::string> title;
  Field<bool> is_public;
  Field<std::optional<values::Duration>> report_every;
  Field<bool> steward_rotates;
  std::optional<values::Duration> steward_every;
  std::optional<values::Money> cap;
  SourceRange range;
};

struct Periodic {
  Field<bool> held;
  std::optional<values::Duration> every;
  Field<bool> designer_rotates;  // stress games only
  SourceRange range;
};

// `accept contribution at most EXPR per P`: the formula stays an expression
// of `income`, for the compatibility checker and the runtime to evaluate.
struct ContributionLimit {
  const ast::Expr* amount = nullptr;
  values::Duration per;
  SourceRange range;
};

struct TreatyLimits {
  Field<std::optional<values::Duration>> term;
  Field<std::optional<values::Duration>> notice;
  Field<std::optional<ast::RenewalMode>> renewal;
  std::optional<ContributionLimit> contribution;
  std::optional<ContributionLimit> total_contribution;
  SourceRange range;
};

// --- power (POWER.md §1-§4) ------------------------------------------------

enum class Selection : uint8_t {
  kElection,
  kLottery,
  kRotation,
  kAppointment,
  kHolders,
  kNamed,        // `held by NAME`
  kUnspecified,  // neither `chosen by` nor `held by`
};

struct Office {
  std::string name;
  std::optional<std::string> title;
  int64_t seats = 1;
  Selection chosen = Selection::kUnspecified;
  std::optional<values::Duration> term;   // none: permanent
  std::optional<int64_t> limit;           // terms in a row
  std::optional<values::Decimal> recall;  // share of members
  std::optional<std::string> appointed_by;
  // Its chain of `chosen by appointment by` leads back to it (A appointed by
  // B, B by A): the offices on the cycle choose one another's holders, so
  // together they select their own (std.panarchy's C033).
  bool appoints_itself = false;
  std::vector<std::string> decides;
  std::optional<values::Money> spending_limit;  // `decides spending up to X`
  SourceRange range;
  SourceRange name_range;
};

// One matter's rule, from `decisions` or from `sanctions`.
struct DecisionRule {
  std::string matter;
  ast::MethodKind method = ast::MethodKind::kMajority;
  std::optional<values::Decimal> share;
  std::optional<std::string> office;
  std::optional<values::Money> up_to;
  std::optional<values::Decimal> quorum_share;
  std::optional<int64_t> quorum_count;
  std::optional<values::Duration> notice;
  std::optional<values::Duration> window;
  std::optional<values::Decimal> fallback_share;  // consensus: `fallback vote P ...`
  int64_t fallback_rounds = 0;                    // ... `after N rounds`
  bool in_sanctions = false;
  // sanctions: `verdict N of M`, `after N findings within D`, and a
  // suspension's `at most D`.
  std::optional<std::pair<int64_t, int64_t>> verdict;
  int64_t findings = 0;
  std::optional<values::Duration> findings_within;
  std::optional<values::Duration> at_most;
  SourceRange range;
};

struct SanctionPolicy {
  bool declared = false;
  std::optional<values::Duration> finding_expires;
  std::optional<values::Duration> suspension_at_most;
  SourceRange range;
};

struct Metric {
  std::string name;
  std::optional<std::string> title;
  const ast::Expr* value = nullptr;
  SourceRange range;
};

struct Charter {
  std::string name;
  std::optional<std::string> title;
  Field<values::Date> adopted;
  Field<std::string> concord;  // the claimed concord; `minimal` by default
  Membership membership;
  Revision revision;
  std::vector<Rule> rules;
  std::vector<Function> functions;
  Jury jury;
  std::vector<Ledger> ledgers;
  std::vector<Metric> metrics;
  Periodic stress_game;
  Periodic reflection;
  TreatyLimits treaty_limits;
  std::vector<Office> offices;
  std::vector<DecisionRule> decisions;
  SanctionPolicy sanctions;
  // Computed (build_power.cpp): the rule each of these matters follows once
  // the fallbacks are applied — its own rule, else `default`. Amendments
  // without either follow `assembly` (range invalid: nothing was written);
  // removal and suspension without either are undecided (none).
  DecisionRule amendment_rule;
  std::optional<DecisionRule> removal_rule;
  std::optional<DecisionRule> suspension_rule;
  SourceRange range;
  SourceRange name_range;
  const ast::CharterDecl* decl = nullptr;
};

struct TreatyExit {
  Field<values::Duration> notice;
  Field<bool> penalty;
  SourceRange range;
};

struct Distress {
  bool declared = false;
  std::optional<std::string> signal;
  std::optional<values::Duration> respond_within;
  SourceRange range;
};

// `contribution 2% of income cap 40 EUR per month`.
struct Fund {
  std::string name;
  std::optional<std::string> title;
  const ast::Expr* contribution = nullptr;  // a formula of `income`
  Field<std::optional<values::Money>> cap;
  std::optional<values::Money> floor;
  std::optional<values::Duration> per;
  Field<bool> steward_rotates;
  std::optional<values::Duration> steward_every;
  SourceRange range;
  SourceRange name_range;
};

struct Treaty {
  std::string name;
  std::optional<std::string> title;
  std::vector<Field<std::string>> parties;
  Field<values::Date> effective;
  Field<values::Duration> term;
  Field<ast::RenewalMode> renewal;
  TreatyExit exit;
  Distress distress;
  std::vector<Fund> funds;
  std::optional<values::Duration> cross_training;
  std::vector<Rule> rules;
  SourceRange range;
  SourceRange name_range;
  const ast::TreatyDecl* decl = nullptr;
};

struct Model {
  std::vector<Charter> charters;
  std::vector<Treaty> treaties;
  const Charter* FindCharter(std::string_view name) const;
  const Treaty* FindTreaty(std::string_view name) const;
};

}  // namespace concord::model
