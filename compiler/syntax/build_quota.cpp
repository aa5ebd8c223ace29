// The words after a revision quota's amount: `quota 2 rules reconsidered`,
// `quota 25% of rules changed`. They are identifiers, not keywords, as
// `rules` always was: a charter may still call a ledger `changed`.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"

namespace concord::syntax {

namespace {

bool IsRuleUnit(const std::string& word) {
  return word == "rules" || word == "rule";
}

}  // namespace

void AstBuilder::QuotaWords(const std::vector<P::IdentContext*>& words, ast::Revision& revision) {
  size_t next = 0;
  // The unit `rule` is a keyword token and not among `words`; `rules` is.
  bool unit_seen = false;
  if (next < words.size() && IsRuleUnit(words[next]->getText())) {
    unit_seen = true;
    ++next;
  }
  if (next < words.size()) {
    std::string word = words[next]->getText();
    if (word == "changed" || word == "reconsidered") {
      revision.quota_counts =
          word == "changed" ? ast::QuotaCounting::kChanged : ast::QuotaCounting::kReconsidered;
      ++next;
    }
  }
  if (next < words.size()) {
    const char* expected =
        next > (unit_seen ? 1u : 0u) ? "; expected the end of the quota"
        : unit_seen ? "; expected `changed`, `reconsidered` or the end of the quota"
                    : "; expected `rules`, `changed`, `reconsidered` or the end of the quota";
    diags_.Report(diag::Code::E0101, Range(words[next]),
                  fmt::format("name `{}`", words[next]->getText()), expected);
  }
}

}  // namespace concord::syntax
