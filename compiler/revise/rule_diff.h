// How the rules of one charter (or treaty) changed between two versions:
// amended, removed, added, replaced, and the changes that do not burn a rule
// (a rename with the same body, a new title alone). The decisions are
// documented in docs/reference-revise.md, section "What counts as a change".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/source_range.h"

namespace concord::revise {

// One rule as one version has it.
struct RuleVersion {
  std::string name;
  std::optional<std::string> title;
  std::optional<std::string> replaces;  // the `replaces NAME` clause, if any
  std::string form;                     // CanonicalRuleBody (rule_form.h)
  diag::SourceRange name_range;
  diag::SourceRange range;
};

struct RulePair {
  RuleVersion before;
  RuleVersion after;
};

// Why a removed rule and an added rule are taken as one replacement.
enum class ReplaceReason : uint8_t { kReplacesClause, kSameTitle };

struct Replacement {
  RuleVersion before;
  RuleVersion after;
  ReplaceReason reason = ReplaceReason::kReplacesClause;
};

// Why an added rule's `replaces NAME` made no replacement.
enum class UnmatchedReplaces : uint8_t {
  kNone,            // no clause, or it matched
  kStillInForce,    // NAME is in the new version too
  kNotInOld,        // the old version has no rule NAME
  kAlreadyReplaced  // an earlier rule of the new version already replaces NAME
};

struct Addition {
  RuleVersion rule;
  UnmatchedReplaces unmatched = UnmatchedReplaces::kNone;
};

struct RuleChanges {
  std::vector<RulePair> amended;      // same name, different body
  std::vector<RuleVersion> removed;   // in the old version only, and not replaced
  std::vector<Addition> added;        // in the new version only, and not a replacement
  std::vector<Replacement> replaced;  // removed + added, paired, with a different body
  std::vector<Replacement> renamed;   // paired like a replacement but with the same body
  std::vector<RulePair> retitled;     // same name and body, another title
  std::vector<RuleVersion> unchanged;

  // The old rules this revision burned (amended, removed or replaced), in the
  // old version's order: what counts toward the quota.
  std::vector<std::string> Burned() const;
};

// Pairs the rules of two versions of one charter or treaty, each list in
// source order. Rules are matched by name first; a removed and an added rule
// then pair up when the added one says `replaces` the removed one, and
// failing that when both have the same title (first match in source order).
RuleChanges DiffRules(const std::vector<RuleVersion>& before,
                      const std::vector<RuleVersion>& after);

}  // namespace concord::revise
