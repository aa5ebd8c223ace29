// The durations and periods of charter and treaty clauses (E0221): a term,
// a cycle, a report period or a deadline must be longer than zero; a notice
// may be zero but never negative. One check for every clause that takes a
// duration (an expression, checked when it folds to a constant) and one for
// every clause that takes a period (`every 3 months`, `per month`); the
// callers in check_charter.cpp and check_treaty.cpp apply them at each site.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace concord::sema {

namespace {

// Whether a duration is long enough wherever it is anchored: longer than
// zero, or for a notice at least zero. `1 month - 30 days` can be -2 days
// in February, so it is not positive.
bool LongEnough(const values::Duration& d, bool zero_ok) {
  values::LengthInterval length = values::PossibleLength(d);
  return zero_ok ? length.min_centidays >= 0 : length.min_centidays > 0;
}

const char* Requirement(bool zero_ok) {
  return zero_ok ? "zero or longer" : "longer than zero";
}

// `0 months` as written: the folded value of a zero would read `0 days`.
std::string Written(int64_t count, values::DurationUnit unit) {
  return fmt::format("{} {}", count, values::UnitName(unit, count != 1 && count != -1));
}

}  // namespace

void Checker::CheckPositiveDuration(const ast::Expr* expr, std::string_view what, bool zero_ok) {
  if (!expr) return;
  // Only a constant can be judged here; an expression with an error has no
  // constant and was reported already.
  const Constant* constant = out_.ConstantOf(expr);
  const values::Duration* d = constant ? constant->As<values::Duration>() : nullptr;
  if (!d || LongEnough(*d, zero_ok)) return;
  const auto* lit = expr->As<ast::DurationLit>();
  std::string shown = lit ? Written(lit->count, lit->unit) : d->ToString();
  diag::Diagnostic& report =
      diags_.Report(diag::Code::E0221, expr->range, what, Requirement(zero_ok), shown);
  // `-5 days`: the minus sign is the likeliest slip; dropping it keeps the
  // length the author wrote.
  if (const auto* neg = expr->As<ast::UnaryExpr>(); neg && neg->op == ast::UnaryOp::kNeg) {
    const Constant* inner = neg->operand ? out_.ConstantOf(neg->operand.get()) : nullptr;
    const values::Duration* magnitude = inner ? inner->As<values::Duration>() : nullptr;
    if (magnitude && LongEnough(*magnitude, zero_ok)) {
      report.WithHelp(fmt::format("remove the minus sign: `{}`", magnitude->ToString()));
      report.WithFix(neg->op_range, "", "remove the minus sign");
      return;
    }
  }
  // `0 days` where zero is not allowed: the shortest length of that unit.
  if (lit && lit->count == 0) {
    std::string shortest = Written(1, lit->unit);
    report.WithHelp(fmt::format("write `{}` or longer", shortest));
    report.WithFix(lit->range, shortest, fmt::format("replace `{}` with `{}`", shown, shortest));
    return;
  }
  report.WithHelp(zero_ok ? "write a notice of zero days or more"
                          : "write a duration longer than zero");
}

void Checker::CheckPositivePeriod(const ast::Period& period, std::string_view what) {
  // The grammar has no negative period; `every 0 days` would never come round.
  if (period.count > 0) return;
  // The unit alone is the shortest period of that unit: `every day`.
  std::string shortest = values::UnitName(period.unit, false);
  std::string written = Written(period.count, period.unit);
  diags_.Report(diag::Code::E0221, period.range, what, Requirement(false), written)
      .WithNote(fmt::format("a period of {} never comes round, so what it schedules never "
                            "falls due",
                            written))
      .WithHelp(fmt::format("write `{}` (one {}) or a longer period", shortest, shortest))
      .WithFix(period.text_range, shortest,
               fmt::format("replace `{}` with `{}`", written, shortest));
}

void Checker::CheckPositivePeriod(const std::optional<ast::Period>& period, std::string_view what) {
  if (period) CheckPositivePeriod(*period, what);
}

}  // namespace concord::sema
