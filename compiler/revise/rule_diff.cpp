// Matching old rules to new ones. Names decide first because a rule's name is
// how the rest of a charter and the runtime's history refer to it; `replaces`
// is the author saying which rule a new one takes over from; a shared title is
// the weakest evidence and is tried last.
#include "compiler/revise/rule_diff.h"

#include <algorithm>
#include <map>

namespace concord::revise {
namespace {

// First declaration of each name (a second one is E0202 and is skipped).
std::map<std::string, size_t> IndexByName(const std::vector<RuleVersion>& rules) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rules.size(); ++i) index.try_emplace(rules[i].name, i);
  return index;
}

bool IsFirst(const std::map<std::string, size_t>& index, const std::vector<RuleVersion>& rules,
             size_t i) {
  return index.at(rules[i].name) == i;
}

}  // namespace

std::vector<std::string> RuleChanges::Burned() const {
  std::vector<const RuleVersion*> burned;
  for (const RulePair& p : amended) burned.push_back(&p.before);
  for (const RuleVersion& r : removed) burned.push_back(&r);
  for (const Replacement& r : replaced) burned.push_back(&r.before);
  std::sort(burned.begin(), burned.end(), [](const RuleVersion* a, const RuleVersion* b) {
    return a->range.begin < b->range.begin;
  });
  std::vector<std::string> names;
  for (const RuleVersion* r : burned) names.push_back(r->name);
  return names;
}

RuleChanges DiffRules(const std::vector<RuleVersion>& before,
                      const std::vector<RuleVersion>& after) {
  std::map<std::string, size_t> old_index = IndexByName(before);
  std::map<std::string, size_t> new_index = IndexByName(after);
  std::vector<bool> old_taken(before.size(), false);
  std::vector<bool> new_taken(after.size(), false);
  RuleChanges out;

  for (size_t j = 0; j < after.size(); ++j) {
    const RuleVersion& now = after[j];
    if (!IsFirst(new_index, after, j)) {
      new_taken[j] = true;  // a duplicate name is an error in the new version, not a change
      continue;
    }
    auto it = old_index.find(now.name);
    if (it == old_index.end()) continue;
    const RuleVersion& was = before[it->second];
    old_taken[it->second] = new_taken[j] = true;
    if (was.form != now.form) {
      out.amended.push_back({was, now});
    } else if (was.title != now.title) {
      out.retitled.push_back({was, now});
    } else {
      out.unchanged.push_back(now);
    }
  }
  for (size_t i = 0; i < before.size(); ++i) {
    if (!IsFirst(old_index, before, i)) old_taken[i] = true;
  }

  // (old index, new index, reason), ordered by the old rule at the end.
  struct Pairing {
    size_t old_i, new_j;
    ReplaceReason reason;
  };
  std::vector<Pairing> pairings;
  std::vector<UnmatchedReplaces> unmatched(after.size(), UnmatchedReplaces::kNone);

  for (size_t j = 0; j < after.size(); ++j) {
    if (new_taken[j] || !after[j].replaces) continue;
    const std::string& target = *after[j].replaces;
    auto it = old_index.find(target);
    if (new_index.count(target)) {
      unmatched[j] = UnmatchedReplaces::kStillInForce;
    } else if (it == old_index.end()) {
      unmatched[j] = UnmatchedReplaces::kNotInOld;
    } else if (old_taken[it->second]) {
      unmatched[j] = UnmatchedReplaces::kAlreadyReplaced;
    } else {
      old_taken[it->second] = new_taken[j] = true;
      pairings.push_back({it->second, j, ReplaceReason::kReplacesClause});
    }
  }
  for (size_t j = 0; j < after.size(); ++j) {
    if (new_taken[j] || !after[j].title) continue;
    for (size_t i = 0; i < before.size(); ++i) {
      if (old_taken[i] || before[i].title != after[j].title) continue;
      old_taken[i] = new_taken[j] = true;
      unmatched[j] = UnmatchedReplaces::kNone;
      pairings.push_back({i, j, ReplaceReason::kSameTitle});
      break;
    }
  }

  std::sort(pairings.begin(), pairings.end(),
            [](const Pairing& a, const Pairing& b) { return a.old_i < b.old_i; });
  for (const Pairing& p : pairings) {
    Replacement r{before[p.old_i], after[p.new_j], p.reason};
    (r.before.form == r.after.form ? out.renamed : out.replaced).push_back(std::move(r));
  }
  for (size_t i = 0; i < before.size(); ++i) {
    if (!old_taken[i]) out.removed.push_back(before[i]);
  }
  for (size_t j = 0; j < after.size(); ++j) {
    if (!new_taken[j]) out.added.push_back({after[j], unmatched[j]});
  }
  return out;
}

}  // namespace concord::revise
