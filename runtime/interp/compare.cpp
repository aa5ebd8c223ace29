// Comparisons and `min`/`max`. Numbers and dates compare exactly; money only
// within one currency; durations exactly from the anchor date when there is
// one, and otherwise by the interval rule, which may leave a comparison
// undecided (with the sentence that says why).
#include <fmt/format.h>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/evaluator.h"

namespace concord::interp {

using values::CompareOp;
using values::Value;

namespace {

Eval Bool(bool b) {
  return Eval::Of(Value::MakeBool(b));
}

}  // namespace

Eval Evaluator::DecideDurations(const ir::Node& n, const values::Duration& a, CompareOp op,
                                const values::Duration& b) {
  if (options_.anchor) {
    // Anchored, a duration is the span from the anchor to `anchor + d`.
    std::optional<values::Date> end_a = calendar::AddDuration(*options_.anchor, a);
    std::optional<values::Date> end_b = calendar::AddDuration(*options_.anchor, b);
    if (end_a && end_b) return Bool(Holds(op, end_a->days() <=> end_b->days()));
  }
  switch (values::CompareDurations(a, op, b)) {
    case values::Decision::kTrue:
      return Bool(true);
    case values::Decision::kFalse:
      return Bool(false);
    case values::Decision::kUndecided:
      break;
  }
  if (options_.anchor) {
    // A span that leaves the calendar (past year 9999) has no exact length;
    // the interval rule decides most such comparisons, and the run time
    // stays two-valued by reporting the rest rather than leaving them open.
    const values::Duration& outside = calendar::AddDuration(*options_.anchor, a) ? b : a;
    return Fail(MakeRuntimeError(diag::Code::R020, n.range,
                                 fmt::format("`{} + {}` is outside the years 0000-9999",
                                             options_.anchor->ToString(), outside.ToString())));
  }
  return Eval::Unknown({Undecided{n.range, values::ExplainUndecided(a, op, b)}});
}

Eval Evaluator::Order(const ir::Node& n, const Value& a, CompareOp op, const Value& b) {
  if (a.kind() != b.kind()) return WrongKind(n, b, values::KindName(a.kind()));
  switch (a.kind()) {
    case values::ValueKind::kInt:
      return Bool(Holds(op, *a.AsInt() <=> *b.AsInt()));
    case values::ValueKind::kDecimal:
      return Bool(Holds(op, a.AsDecimal()->raw() <=> b.AsDecimal()->raw()));
    case values::ValueKind::kPercent:
      return Bool(Holds(op, a.AsPercent()->fraction.raw() <=> b.AsPercent()->fraction.raw()));
    case values::ValueKind::kDate:
      return Bool(Holds(op, a.AsDate()->days() <=> b.AsDate()->days()));
    case values::ValueKind::kMoney: {
      std::optional<std::strong_ordering> order = a.AsMoney()->CompareTo(*b.AsMoney());
      if (!order) return MoneyFailure(n, values::MoneyError::kCurrencyMismatch, a, b);
      return Bool(Holds(op, *order));
    }
    case values::ValueKind::kDuration:
      return DecideDurations(n, *a.AsDuration(), op, *b.AsDuration());
    default:
      return WrongKind(n, a, "an ordered value");
  }
}

Eval Evaluator::Equal(const ir::Node& n, const Value& a, const Value& b) {
  if (a.IsNone() || b.IsNone()) return Bool(a.IsNone() && b.IsNone());
  switch (a.kind()) {
    case values::ValueKind::kMoney:
    case values::ValueKind::kDuration:
      // The language's equality of these is not structural: currencies must
      // agree, and `1 month == 30 days` depends on the calendar.
      if (a.kind() == b.kind()) return Order(n, a, CompareOp::kEq, b);
      break;
    default:
      break;
  }
  // Text, bools, enums, dates, numbers, entities by identity, members by
  // name and polity, sets element for element (values::Compare).
  return Bool(a == b);
}

Eval Evaluator::VisitCompare(const ir::Node& n) {
  if (n.op == ir::Op::kIsNone) {
    const ir::Node* child = n.child(0);
    Eval e = child ? Visit(*child) : Eval::Error();
    if (!e.ok()) return e;
    return Bool(e.value.IsNone());
  }
  std::vector<Value> operands;
  if (std::optional<Eval> blocked = Children(n, operands)) return std::move(*blocked);
  if (operands.size() != 2) return MissingOperand(n);
  return Compare(n, operands[0], operands[1]);
}

Eval Evaluator::Compare(const ir::Node& n, const Value& a, const Value& b) {
  auto expect = [&](values::ValueKind kind, const char* wanted) -> std::optional<Eval> {
    if (!a.Is(kind)) return WrongKind(n, a, wanted);
    if (!b.Is(kind)) return WrongKind(n, b, wanted);
    return std::nullopt;
  };
  std::optional<Eval> wrong;
  switch (n.op) {
    case ir::Op::kCmpInt:
      wrong = expect(values::ValueKind::kInt, "an int");
      break;
    case ir::Op::kCmpDecimal:
      wrong = expect(values::ValueKind::kDecimal, "a decimal");
      break;
    case ir::Op::kCmpPercent:
      wrong = expect(values::ValueKind::kPercent, "a percent");
      break;
    case ir::Op::kCmpMoney:
      wrong = expect(values::ValueKind::kMoney, "money");
      break;
    case ir::Op::kCmpDate:
      wrong = expect(values::ValueKind::kDate, "a date");
      break;
    case ir::Op::kCmpDuration:
      wrong = expect(values::ValueKind::kDuration, "a duration");
      break;
    default: {  // kEqValue
      Eval equal = Equal(n, a, b);
      if (!equal.ok() || n.cmp != CompareOp::kNe) return equal;
      return Bool(!*equal.value.AsBool());
    }
  }
  if (wrong) return std::move(*wrong);
  return Order(n, a, n.cmp, b);
}

Eval Evaluator::VisitMinMax(const ir::Node& n) {
  std::vector<Value> operands;
  if (std::optional<Eval> blocked = Children(n, operands)) return std::move(*blocked);
  if (operands.size() != 2) return MissingOperand(n);
  // The second replaces the first only when strictly better: ties keep the first.
  CompareOp op = n.op == ir::Op::kMin ? CompareOp::kLt : CompareOp::kGt;
  Eval better = Order(n, operands[1], op, operands[0]);
  if (!better.ok()) return better;
  return Eval::Of(std::move(operands[*better.value.AsBool() ? 1 : 0]));
}

}  // namespace concord::interp
