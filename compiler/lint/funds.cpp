// L105: treaty funds. "A rotating solidarity fund capped at modest
// contributions": money pooled by several communities changes hands on a
// predictable cycle, so no party becomes the federation's banker.
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

constexpr std::string_view kRotation = "steward rotates every month among parties";
constexpr std::string_view kWhy =
    "let the parties take turns keeping the fund on a predictable cycle, so that no community "
    "becomes the federation's banker";

void LintFund(const ast::TreatyDecl& treaty, const ast::Fund& fund, LintContext& cx) {
  if (fund.fixed_steward) {
    std::optional<diag::SourceRange> clause = FixedStewardClause(cx.sources, *fund.fixed_steward);
    auto& d = cx.diags
                  .Report(diag::Code::L105, clause ? *clause : fund.fixed_steward->range,
                          fund.name.name, treaty.name.name,
                          fmt::format("is always kept by `{}`", fund.fixed_steward->name))
                  .WithHelp(std::string(kWhy));
    if (clause) d.WithFix(*clause, std::string(kRotation), "rotate the steward among the parties");
  } else if (!fund.steward) {
    auto& d = cx.diags
                  .Report(diag::Code::L105, fund.name.range, fund.name.name, treaty.name.name,
                          "has no rotating steward")
                  .WithHelp(std::string(kWhy));
    if (auto fix = InsertClause(cx.sources, fund.range, kRotation,
                                "rotate the steward among the parties")) {
      d.fixits.push_back(*fix);
    }
  }
}

}  // namespace

void LintFunds(const ast::File& file, LintContext& cx) {
  for (const ast::TreatyDecl& treaty : file.treaties) {
    for (const ast::Fund& fund : treaty.funds) LintFund(treaty, fund, cx);
  }
}

}  // namespace concord::lint
