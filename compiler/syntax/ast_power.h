// Declaration nodes of power (POWER.md §1-§4): offices, decision rules and
// sanctions, as parsed. Part of ast.h, which includes it; kept apart so each
// header stays one concept.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "compiler/syntax/ast_common.h"

namespace concord::ast {

// `75%` or `2/3`, kept as written for messages and fix-its. `value` is the
// share as a fraction; it is only meaningful when `valid` (the denominator is
// not zero).
struct Share {
  values::Decimal value;
  bool valid = true;
  bool is_fraction = false;  // written as N/M
  int64_t numerator = 0;
  int64_t denominator = 1;
  std::string text;
  SourceRange range;
};

enum class SelectionMode : uint8_t { kElection, kLottery, kRotation, kAppointment, kHolders };

// `chosen by election among members`, `by rotation among members every 3
// months`, `by appointment by board`, `by the holders`.
struct OfficeSelection {
  SelectionMode mode = SelectionMode::kElection;
  std::optional<Identifier> among;      // election, lottery, rotation
  std::optional<Period> every;          // rotation
  std::optional<Identifier> appointer;  // appointment
  SourceRange range;
};

// `decides spending up to 300 EUR`.
struct OfficeDecides {
  Identifier matter;
  ExprPtr up_to;  // may be null
  SourceRange up_to_range;
  SourceRange range;
};

struct Office {
  Identifier name;
  std::optional<Located<std::string>> title;
  std::optional<Located<int64_t>> seats;
  std::optional<OfficeSelection> chosen;
  std::optional<Identifier> held_by;
  SourceRange held_range;
  ExprPtr term;  // null: permanent
  SourceRange term_range;
  std::optional<Located<int64_t>> limit;  // terms in a row
  std::optional<Share> recall;            // share of members
  SourceRange recall_range;
  std::vector<OfficeDecides> decides;
  SourceRange range;
};

enum class MethodKind : uint8_t {
  kMajority,     // majority of votes cast
  kVoteCast,     // vote P of votes cast
  kVoteMembers,  // vote P of members
  kConsent,      // consent objections at most P of members
  kConsensus,
  kOffice,  // office NAME [up to AMOUNT]
  kJury,
  kAssembly,
};

struct DecisionMethod {
  MethodKind kind = MethodKind::kMajority;
  std::optional<Share> share;        // vote, consent
  std::optional<Identifier> office;  // office
  ExprPtr up_to;                     // office; may be null
  SourceRange up_to_range;
  SourceRange range;
};

// `fallback vote 80% of votes cast after 2 rounds`.
struct Fallback {
  Share share;
  int64_t rounds = 0;
  SourceRange range;
};

// `amendment by consent objections at most 10% of members notice 7 days`.
struct DecisionRule {
  Identifier matter;
  DecisionMethod method;
  std::optional<Share> quorum_share;    // quorum P of members
  std::optional<int64_t> quorum_count;  // quorum N
  SourceRange quorum_range;
  ExprPtr notice;  // may be null
  SourceRange notice_range;
  ExprPtr window;  // may be null
  SourceRange window_range;
  std::optional<Fallback> fallback;
  SourceRange range;
};

struct Decisions {
  std::vector<DecisionRule> rules;
  SourceRange range;
};

enum class SanctionKind : uint8_t { kWarning, kSuspension, kRemoval };

// `suspension at most 3 months by jury verdict 4 of 5`,
// `removal by vote 2/3 of members after 2 findings within 1 year`.
struct SanctionRule {
  SanctionKind kind = SanctionKind::kWarning;
  ExprPtr at_most;  // suspension only
  DecisionMethod method;
  std::optional<Located<std::pair<int64_t, int64_t>>> verdict;  // N of M
  std::optional<Located<int64_t>> findings;                     // after N findings
  ExprPtr within;                                               // ... within D
  SourceRange range;
};

struct Sanctions {
  std::vector<SanctionRule> rules;
  ExprPtr finding_expires;  // `finding expires after D`; null when absent
  SourceRange finding_range;
  SourceRange range;
};

const char* SanctionWord(SanctionKind kind);

}  // namespace concord::ast
