// The canonical form of a rule: what `concord revise` compares to decide
// whether a rule was amended. It is the rule's body as tokens, so that
// re-indenting, re-wrapping or commenting a rule is not an amendment, while
// any change a member could read or the runtime could execute is.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::revise {

// The tokens of a rule's body (from its `{` to its `}`) joined by single
// spaces. Left out, because they are not the rule's content:
//  - whitespace and comments;
//  - the name and the title before the `{` (a new name is a different rule;
//    a new title alone is reported as a retitling, see rule_diff.h);
//  - `,` and `;` between clauses, which the language ignores there;
//  - the `replaces NAME` clause, which records where the rule came from and
//    may be dropped once that revision is history.
// `rule_text` is the source of the whole declaration, `rule` to `}`.
std::string CanonicalRuleBody(std::string_view rule_text);

// The tokens of any clause (`term 6 months`, a whole `office { ... }`)
// joined by single spaces, with the same leaving-out as CanonicalRuleBody
// except that nothing before a `{` is dropped: comments, whitespace, and `,`
// and `;` outside parentheses. What `concord revise` compares structure by.
std::string CanonicalClause(std::string_view clause_text);

// Which rule: a charter's or a treaty's, by the owner's name and its own.
enum class OwnerKind : uint8_t { kCharter, kTreaty };

struct RuleKey {
  OwnerKind kind = OwnerKind::kCharter;
  std::string owner;
  std::string rule;
  friend auto operator<=>(const RuleKey&, const RuleKey&) = default;
};

// The canonical body of every rule of every charter and treaty in `file`.
// A rule declared twice keeps its first form (the second is E0202).
std::map<RuleKey, std::string> RuleFormsOf(const ast::File& file,
                                           const diag::SourceManager& sources);

}  // namespace concord::revise
