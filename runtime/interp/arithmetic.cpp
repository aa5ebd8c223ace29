// Arithmetic ops: checked int and decimal arithmetic, percents as fractions,
// money with its currency checked on every combination, and calendar
// arithmetic on dates (runtime/calendar: months clamp to the end of the
// month, lunar months follow the new moons).
#include <fmt/format.h>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/evaluator.h"

namespace concord::interp {

using values::Value;

namespace {

// The operator a user wrote for an op, for messages: ir_ops.def's spelling,
// or the comparison of a Compare op. Every op that fails with two operands
// has one; `-` only keeps a message whole should an op without one get here.
const char* Spelling(const ir::Node& n) {
  if (ir::GroupOf(n.op) == ir::OpGroup::kCompare) return values::Spelling(n.cmp);
  const char* spelling = ir::OpSpelling(n.op);
  return *spelling ? spelling : "-";
}

std::string Shown(const ir::Node& n, const Value& a, const Value& b) {
  return fmt::format("`{} {} {}`", a.ToString(), Spelling(n), b.ToString());
}

}  // namespace

Eval Evaluator::Overflow(const ir::Node& n, const std::string& what) {
  return Fail(OverflowError(n, what));
}

Eval Evaluator::MoneyFailure(const ir::Node& n, values::MoneyError error, const Value& a,
                             const Value& b) {
  switch (error) {
    case values::MoneyError::kCurrencyMismatch: {
      const values::Money* x = a.AsMoney();
      const values::Money* y = b.AsMoney();
      std::string cx = x ? std::string(x->currency.code()) : "?";
      std::string cy = y ? std::string(y->currency.code()) : "?";
      RuntimeError e = MakeRuntimeError(diag::Code::R023, n.range, cx, cy);
      e.WithNote(fmt::format("{} meets {} in `{}`; Concord never converts between currencies",
                             a.ToString(), b.ToString(), Spelling(n)));
      return Fail(std::move(e));
    }
    case values::MoneyError::kDivisionByZero: {
      RuntimeError e = MakeRuntimeError(diag::Code::R021, n.range, Shown(n, a, b));
      if (const ir::Node* divisor = n.child(1)) e.WithLabel(divisor->range, "this is zero");
      return Fail(std::move(e));
    }
    case values::MoneyError::kOverflow:
      return Overflow(n, Shown(n, a, b));
  }
  return Overflow(n, Shown(n, a, b));
}

// --- conversions ---------------------------------------------------------------

Eval Evaluator::VisitConversion(const ir::Node& n) {
  const ir::Node* child = n.child(0);
  Eval e = child ? Visit(*child) : Eval::Error();
  if (!e.ok() || e.value.IsNone()) return e;  // none passes through
  const Value& v = e.value;
  switch (n.op) {
    case ir::Op::kIntToDecimal: {
      const int64_t* i = v.AsInt();
      if (!i) return WrongKind(n, v, "an int");
      std::optional<values::Decimal> d = values::Decimal::FromInt(*i);
      if (!d) return Overflow(n, fmt::format("`{}` as a decimal", *i));
      return Eval::Of(Value::MakeDecimal(*d));
    }
    case ir::Op::kPercentToDecimal: {
      const values::Percent* p = v.AsPercent();
      if (!p) return WrongKind(n, v, "a percent");
      return Eval::Of(Value::MakeDecimal(p->fraction));
    }
    default: {  // kCheckCurrency
      const values::Money* m = v.AsMoney();
      if (!m) return WrongKind(n, v, "money");
      if (m->currency.code() == n.currency) return e;
      RuntimeError err =
          MakeRuntimeError(diag::Code::R023, n.range, std::string(m->currency.code()), n.currency);
      err.WithNote(
          fmt::format("this is {}, where money in {} is required", v.ToString(), n.currency));
      return Fail(std::move(err));
    }
  }
}

// --- operators -------------------------------------------------------------------

Eval Evaluator::VisitArithmetic(const ir::Node& n) {
  std::vector<Value> operands;
  if (std::optional<Eval> blocked = Children(n, operands)) return std::move(*blocked);
  if (operands.size() == 1) return Negate(n, operands[0]);
  if (operands.size() != 2) return MissingOperand(n);
  return Arithmetic(n, operands[0], operands[1]);
}

Eval Evaluator::Negate(const ir::Node& n, const Value& a) {
  std::string shown = fmt::format("`-{}`", a.ToString());
  switch (n.op) {
    case ir::Op::kNegInt: {
      const int64_t* x = a.AsInt();
      if (!x) return WrongKind(n, a, "an int");
      values::Checked<int64_t> r = values::SubInt(0, *x);
      return r.ok() ? Eval::Of(Value::MakeInt(*r.value)) : Overflow(n, shown);
    }
    case ir::Op::kNegDecimal: {
      const values::Decimal* x = a.AsDecimal();
      if (!x) return WrongKind(n, a, "a decimal");
      values::Checked<values::Decimal> r = values::Neg(*x);
      return r.ok() ? Eval::Of(Value::MakeDecimal(*r.value)) : Overflow(n, shown);
    }
    case ir::Op::kNegPercent: {
      const values::Percent* x = a.AsPercent();
      if (!x) return WrongKind(n, a, "a percent");
      values::Checked<values::Decimal> r = values::Neg(x->fraction);
      return r.ok() ? Eval::Of(Value::MakePercent(*r.value)) : Overflow(n, shown);
    }
    case ir::Op::kNegMoney: {
      const values::Money* x = a.AsMoney();
      if (!x) return WrongKind(n, a, "money");
      values::MoneyResult<values::Money> r = x->Negated();
      return r.ok() ? Eval::Of(Value::MakeMoney(*r.value)) : Overflow(n, shown);
    }
    case ir::Op::kNegDuration: {
      const values::Duration* x = a.AsDuration();
      if (!x) return WrongKind(n, a, "a duration");
      values::Checked<values::Duration> r = x->Times(-1);
      return r.ok() ? Eval::Of(Value::MakeDuration(*r.value)) : Overflow(n, shown);
    }
    default:
      return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                                   fmt::format("`{}` is not a unary op", ir::OpName(n.op))));
  }
}

Eval Evaluator::Arithmetic(const ir::Node& n, const Value& a, const Value& b) {
  using ir::Op;
  auto decimal_result = [&](const values::Checked<values::Decimal>& r, bool percent) {
    if (r.ok())
      return Eval::Of(percent ? Value::MakePercent(*r.value) : Value::MakeDecimal(*r.value));
    if (r.error == values::ArithError::kDivisionByZero) {
      return MoneyFailure(n, values::MoneyError::kDivisionByZero, a, b);
    }
    return Overflow(n, Shown(n, a, b));
  };
  auto money_result = [&](const values::MoneyResult<values::Money>& r) {
    return r.ok() ? Eval::Of(Value::MakeMoney(*r.value)) : MoneyFailure(n, r.error, a, b);
  };
  auto duration_result = [&](const values::Checked<values::Duration>& r) {
    return r.ok() ? Eval::Of(Value::MakeDuration(*r.value)) : Overflow(n, Shown(n, a, b));
  };
  auto date_result = [&](const std::optional<values::Date>& d) {
    return d ? Eval::Of(Value::MakeDate(*d)) : Overflow(n, Shown(n, a, b));
  };

  switch (n.op) {
    case Op::kAddInt:
    case Op::kSubInt:
    case Op::kMulInt: {
      const int64_t* x = a.AsInt();
      const int64_t* y = b.AsInt();
      if (!x || !y) return WrongKind(n, x ? b : a, "an int");
      values::Checked<int64_t> r = n.op == Op::kAddInt   ? values::AddInt(*x, *y)
                                   : n.op == Op::kSubInt ? values::SubInt(*x, *y)
                                                         : values::MulInt(*x, *y);
      return r.ok() ? Eval::Of(Value::MakeInt(*r.value)) : Overflow(n, Shown(n, a, b));
    }
    case Op::kAddDecimal:
    case Op::kSubDecimal:
    case Op::kMulDecimal:
    case Op::kDivDecimal: {
      const values::Decimal* x = a.AsDecimal();
      const values::Decimal* y = b.AsDecimal();
      if (!x || !y) return WrongKind(n, x ? b : a, "a decimal");
      switch (n.op) {
        case Op::kAddDecimal:
          return decimal_result(values::Add(*x, *y), false);
        case Op::kSubDecimal:
          return decimal_result(values::Sub(*x, *y), false);
        case Op::kMulDecimal:
          return decimal_result(values::Mul(*x, *y), false);
        default:
          return decimal_result(values::Div(*x, *y), false);
      }
    }
    case Op::kAddPercent:
    case Op::kSubPercent:
    case Op::kMulPercent: {
      const values::Percent* x = a.AsPercent();
      const values::Percent* y = b.AsPercent();
      if (!x || !y) return WrongKind(n, x ? b : a, "a percent");
      switch (n.op) {
        case Op::kAddPercent:
          return decimal_result(values::Add(x->fraction, y->fraction), true);
        case Op::kSubPercent:
          return decimal_result(values::Sub(x->fraction, y->fraction), true);
        default:
          return decimal_result(values::Mul(x->fraction, y->fraction), true);
      }
    }
    case Op::kAddMoney:
    case Op::kSubMoney:
    case Op::kDivMoney: {
      const values::Money* x = a.AsMoney();
      const values::Money* y = b.AsMoney();
      if (!x || !y) return WrongKind(n, x ? b : a, "money");
      if (n.op == Op::kAddMoney) return money_result(x->Plus(*y));
      if (n.op == Op::kSubMoney) return money_result(x->Minus(*y));
      values::MoneyResult<values::Decimal> r = x->RatioTo(*y);
      return r.ok() ? Eval::Of(Value::MakeDecimal(*r.value)) : MoneyFailure(n, r.error, a, b);
    }
    case Op::kMulMoneyDecimal:
    case Op::kDivMoneyDecimal: {
      const values::Money* x = a.AsMoney();
      const values::Decimal* y = b.AsDecimal();
      if (!x) return WrongKind(n, a, "money");
      if (!y) return WrongKind(n, b, "a decimal");
      return money_result(n.op == Op::kMulMoneyDecimal ? x->Scaled(*y) : x->DividedBy(*y));
    }
    case Op::kMulDecimalMoney: {
      const values::Decimal* x = a.AsDecimal();
      const values::Money* y = b.AsMoney();
      if (!x) return WrongKind(n, a, "a decimal");
      if (!y) return WrongKind(n, b, "money");
      return money_result(y->Scaled(*x));
    }
    case Op::kMulMoneyPercent: {
      const values::Money* x = a.AsMoney();
      const values::Percent* y = b.AsPercent();
      if (!x) return WrongKind(n, a, "money");
      if (!y) return WrongKind(n, b, "a percent");
      return money_result(x->Scaled(y->fraction));
    }
    case Op::kMulPercentMoney: {
      const values::Percent* x = a.AsPercent();
      const values::Money* y = b.AsMoney();
      if (!x) return WrongKind(n, a, "a percent");
      if (!y) return WrongKind(n, b, "money");
      return money_result(y->Scaled(x->fraction));
    }
    case Op::kAddDuration:
    case Op::kSubDuration: {
      const values::Duration* x = a.AsDuration();
      const values::Duration* y = b.AsDuration();
      if (!x || !y) return WrongKind(n, x ? b : a, "a duration");
      return duration_result(n.op == Op::kAddDuration ? x->Plus(*y) : x->Minus(*y));
    }
    case Op::kMulDurationInt:
    case Op::kMulIntDuration: {
      bool duration_first = n.op == Op::kMulDurationInt;
      const values::Duration* d = (duration_first ? a : b).AsDuration();
      const int64_t* k = (duration_first ? b : a).AsInt();
      if (!d) return WrongKind(n, duration_first ? a : b, "a duration");
      if (!k) return WrongKind(n, duration_first ? b : a, "an int");
      return duration_result(d->Times(*k));
    }
    case Op::kAddDateDuration:
    case Op::kSubDateDuration:
    case Op::kAddDurationDate: {
      bool date_first = n.op != Op::kAddDurationDate;
      const values::Date* date = (date_first ? a : b).AsDate();
      const values::Duration* d = (date_first ? b : a).AsDuration();
      if (!date) return WrongKind(n, date_first ? a : b, "a date");
      if (!d) return WrongKind(n, date_first ? b : a, "a duration");
      return date_result(n.op == Op::kSubDateDuration ? calendar::SubtractDuration(*date, *d)
                                                      : calendar::AddDuration(*date, *d));
    }
    case Op::kSubDate: {
      const values::Date* x = a.AsDate();
      const values::Date* y = b.AsDate();
      if (!x || !y) return WrongKind(n, x ? b : a, "a date");
      values::Duration d;
      if (__builtin_sub_overflow(x->days(), y->days(), &d.days)) return Overflow(n, Shown(n, a, b));
      return Eval::Of(Value::MakeDuration(d));
    }
    default:
      return Fail(MakeRuntimeError(diag::Code::R025, n.range,
                                   fmt::format("`{}` is not an arithmetic op", ir::OpName(n.op))));
  }
}

}  // namespace concord::interp
