// L115: a revision quota that jumps when one rule is added. A share of the
// rules is rounded up to whole rules (reference-concords §1.3), so with four
// rules `quota 25% of rules` asks for one change per cycle and with five it
// asks for two: adopting one rule doubles the work of every revision. The
// community meets that cliff the day it adds the rule, usually without
// knowing why the next cycle fails.
#include <fmt/format.h>

#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

// The share in `quota 25%` or `quota 25% of rules`; nothing for a count.
const ast::PercentLit* QuotaShare(const ast::Expr* quota) {
  if (!quota) return nullptr;
  if (const auto* percent = quota->As<ast::PercentLit>()) return percent;
  const auto* of = quota->As<ast::BinaryExpr>();
  if (of && of->op == ast::BinaryOp::kOf) return of->lhs->As<ast::PercentLit>();
  return nullptr;
}

// `share` × `rules`, exactly (a share has at most the decimal's digits, and
// rule counts are small), or nothing on overflow.
std::optional<values::Decimal> ShareOfRules(values::Decimal share, int64_t rules) {
  int64_t raw = 0;
  if (__builtin_mul_overflow(share.raw(), rules, &raw)) return std::nullopt;
  return values::Decimal::FromRaw(raw);
}

// A rise from 1 to 2 or from 2 to 3 rules is half the quota or more: the
// cliff worth a warning. Further up, one more rule to change is a step, and
// a share that is a whole number of rules every time (100%) rises by the
// share, not by rounding.
constexpr int64_t kLargestQuotaWithCliff = 2;

void LintRevision(const ast::CharterDecl& charter, const ast::Revision& revision,
                  LintContext& cx) {
  const ast::PercentLit* percent = QuotaShare(revision.quota.get());
  if (!percent) return;
  const auto rules = static_cast<int64_t>(charter.rules.size());
  if (rules == 0) return;  // a quota of 0 rules is C006's
  auto now = ShareOfRules(percent->fraction, rules);
  auto next = ShareOfRules(percent->fraction, rules + 1);
  if (!now || !next || next->IsInteger()) return;
  int64_t quota_now = now->Ceil();
  int64_t quota_next = next->Ceil();
  if (quota_next <= quota_now || quota_now < 1 || quota_now > kLargestQuotaWithCliff) return;

  std::string share = fmt::format("{}%", ShareOfRules(percent->fraction, 100)->ToString());
  std::string_view clause = cx.sources.Slice(revision.quota_range);
  cx.diags
      .Report(diag::Code::L115, revision.quota_range, clause, quota_now, quota_next)
      .WithNote(fmt::format(
          "a share of the rules is rounded up to whole rules: with {} rules, {} of {} is {}, so "
          "each cycle changes {}; with {} rules, {} of {} is {}, rounded up to {}",
          rules, share, rules, now->ToString(), quota_now, rules + 1, share, rules + 1,
          next->ToString(), quota_next))
      .WithHelp(fmt::format(
          "if the community means {} per cycle however many rules it has, say so with `quota {} "
          "rules`; otherwise expect the next revision to ask for {}",
          quota_now, quota_now, quota_next));
}

}  // namespace

void LintQuotaCliff(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    if (charter.revision) LintRevision(charter, *charter.revision, cx);
  }
}

}  // namespace concord::lint
