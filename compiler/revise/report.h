// What `concord revise` found, as data: per charter and treaty the rule
// changes, per charter the quota, and (with --git) the calcified rules. The
// renderers (render.h) turn it into the human report, JSON and SARIF; the
// diagnostics (R001, L110-L112) are reported separately to the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/revise/rule_diff.h"
#include "compiler/revise/rule_form.h"
#include "compiler/revise/structure.h"

namespace concord::revise {

enum class QuotaStatus : uint8_t {
  kMet,
  kMissed,       // R001
  kUnevaluable,  // L111: depends on the state at run time
  kNone,         // the old version has no quota clause (E0211 there)
};

struct QuotaCheck {
  QuotaStatus status = QuotaStatus::kNone;
  std::string clause;          // as written in the old version: "quota 25% of rules"
  int64_t rules_in_force = 0;  // rules of the old version
  int64_t required = 0;        // rounded up, at most rules_in_force
  std::string exact;           // the quota before rounding: "1.75"
  int64_t changed = 0;         // distinct old rules amended, removed or replaced
  std::string why_unevaluable;
};

// Whether a charter or treaty is in both versions or only one.
enum class Presence : uint8_t { kBoth, kOnlyOld, kOnlyNew };

struct UnitReport {
  OwnerKind kind = OwnerKind::kCharter;
  std::string name;
  std::optional<std::string> title;
  Presence presence = Presence::kBoth;
  size_t rules_before = 0;
  size_t rules_after = 0;
  RuleChanges changes;
  // Clauses besides the rules that changed; empty for a unit on one side only.
  std::vector<StructureChange> structure;
  std::optional<QuotaCheck> quota;  // charters in both versions only
};

// A rule of the new version that has not changed in many revisions (L110).
struct CalcifiedRule {
  OwnerKind kind = OwnerKind::kCharter;
  std::string owner;
  std::string rule;
  int64_t revisions = 0;     // commits touching the file since it last changed
  std::string since_commit;  // the commit that last changed it (full hash)
  std::string since_date;    // that commit's date, YYYY-MM-DD
};

struct RevisionReport {
  std::string old_path;  // as displayed: `old.concord`, or `HEAD~1:charter.concord`
  std::string new_path;
  std::optional<std::string> git_revision;  // as given to --git
  std::optional<std::string> git_commit;    // the full hash it names
  std::vector<UnitReport> units;            // charters, then treaties
  bool history_checked = false;             // calcification ran (--git)
  int64_t history_commits = 0;              // commits that touched the file
  int64_t calcified_after = 0;
  std::vector<CalcifiedRule> calcified;
};

}  // namespace concord::revise
