// What a run produces: the dated timeline a community member reads, the
// violations (obligations missed, rules broken, invalid events, evaluation
// errors), the expectations' results and the metrics at the end. Plain data:
// runtime/report renders it as text or JSON, `concord test` reads the
// expectations, and nothing here holds an address or a wall-clock time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "runtime/engine/boxed.h"
#include "runtime/engine/input.h"
#include "runtime/engine/standing.h"
#include "runtime/interp/runtime_error.h"
#include "runtime/lottery/lottery.h"

namespace concord::engine {

enum class EntryKind : uint8_t {
  kEvent,     // a scenario event as it was applied
  kStatus,    // a transition: a treaty activates, expires, renews or ends, a ruling expires
  kMet,       // an obligation met
  kMissed,    // an obligation missed (a violation)
  kBroken,    // an executable rule's `require` failed or a `reject` fired (a violation)
  kFlag,      // an executable rule's `when ... then flag`
  kJury,      // a jury draw
  kSteward,   // a steward assignment
  kInvalid,   // an event the engine refused (a violation)
  kError,     // an evaluation error (a violation)
  kDecision,  // a proposal decided (a violation when it failed or was blocked)
};

const char* EntryKindName(EntryKind kind);

struct JuryDraw {
  std::string dispute;
  std::vector<std::string> jurors;     // draw order
  std::vector<std::string> delegates;  // external, draw order
  std::optional<lottery::Verification> jury_verification;
  std::optional<lottery::Verification> delegate_verification;
};

// What a `decide` counted: the ballots of the round by choice, among whom
// they were counted, the outcome and the rule applied (POWER.md §6).
struct DecisionTally {
  std::string proposal;
  std::string matter;  // admission, amendment, treaty, ...
  std::string polity;
  std::string outcome;  // passed | failed | blocked
  int64_t yes = 0;
  int64_t no = 0;
  int64_t abstain = 0;
  int64_t block = 0;
  int64_t object = 0;
  int64_t eligible = 0;       // the voting members, holders or jurors counted among
  std::string eligible_kind;  // "voting members", "holders of coordinators", "jurors"
  int64_t round = 1;          // consensus rounds: this decide's round
  std::string rule;           // as written: "vote 2/3 of votes cast", or empty for no rule
  SourceRange rule_range;     // none for a computed rule
};

struct Entry {
  Date date;
  EntryKind kind = EntryKind::kEvent;
  std::string subject;  // the charter, treaty, ledger, dispute or member concerned
  std::string text;
  std::optional<diag::Code> code;  // set exactly for violations
  SourceRange range;               // the clause or event behind it
  std::vector<diag::Label> labels;
  std::vector<std::string> notes;
  // Boxed: set on a jury draw or a decision only, and large (runtime/engine/boxed.h).
  Boxed<JuryDraw> jury;
  Boxed<DecisionTally> decision;
};

struct ExpectResult {
  const ExpectSpec* spec = nullptr;
  bool passed = false;
  std::string expected;
  std::string actual;
};

struct MetricValue {
  std::string owner;  // a charter, or "" for built-ins
  std::string name;
  std::string value;
  // Why the metric has no value (R020-R025), with the metric's clause as a
  // label: a mistake in the program, reported like an evaluation error in a
  // rule although the metric line shows it too.
  std::optional<interp::RuntimeError> error;
};

// Which declared things a run exercised, for `concord test --coverage`.
struct CoverageItem {
  std::string kind;  // "rule", "obligation", "treaty clause"
  std::string name;  // "eastside_kitchen.fund_cap", "revision cycle of eastside_kitchen"
  bool covered = false;
};

struct RunResult {
  const ScenarioSpec* scenario = nullptr;
  std::vector<Entry> timeline;  // in date order, then the order things happened
  std::vector<ExpectResult> expectations;
  std::vector<MetricValue> metrics;
  std::vector<CoverageItem> coverage;
  // How things stand on the last day played (standing.h).
  Standing standing;
  // A failure of the engine itself (a value it could not build); the
  // timeline is then partial. Never set by anything a scenario writes.
  std::optional<std::string> internal_error;

  size_t ViolationCount() const;
};

inline bool IsViolation(const Entry& e) {
  return e.code.has_value();
}

}  // namespace concord::engine
