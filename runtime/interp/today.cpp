// Time in expressions: `today`, the date of the evaluation (the anchor every
// runtime evaluation has: the event's date in a rule, the day of a metric or
// an `expect`), and `date within duration`, whether a date falls in the last
// `duration` up to and including today (calendar::IsWithin).
#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/evaluator.h"

namespace concord::interp {

using values::Value;

Eval Evaluator::VisitToday(const ir::Node& n) {
  if (!options_.anchor) return Fail(NoTodayError(n));
  return Eval::Of(Value::MakeDate(*options_.anchor));
}

Eval Evaluator::VisitWithin(const ir::Node& n) {
  std::vector<Value> operands;
  if (std::optional<Eval> blocked = Children(n, operands)) return std::move(*blocked);
  if (operands.size() != 2) return MissingOperand(n);
  const values::Date* date = operands[0].AsDate();
  const values::Duration* d = operands[1].AsDuration();
  if (!date) return WrongKind(n, operands[0], "a date");
  if (!d) return WrongKind(n, operands[1], "a duration");
  if (!options_.anchor) return Fail(NoTodayError(n));
  std::optional<bool> within = calendar::IsWithin(*date, *d, *options_.anchor);
  if (!within) return Fail(WithinOverflowError(n, *options_.anchor, *d));
  return Eval::Of(Value::MakeBool(*within));
}

}  // namespace concord::interp
