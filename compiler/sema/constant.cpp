// Folding constant expressions with checked arithmetic. The combinations
// accepted mirror operators.cpp exactly; anything else is simply not folded.
#include "compiler/sema/constant.h"

#include <fmt/format.h>

namespace concord::sema {

using values::ArithError;
using values::Checked;
using values::Decimal;
using values::Duration;

const char* ArithErrorText(ArithError error) {
  return error == ArithError::kDivisionByZero ? "division by zero" : "arithmetic overflow";
}

std::string Constant::ToString() const {
  struct Printer {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(const Decimal& d) const { return d.ToString(); }
    std::string operator()(const PercentValue& p) const {
      Checked<Decimal> scaled = values::Mul(p.fraction, *Decimal::FromInt(100));
      return (scaled.ok() ? scaled.value->ToString() : p.fraction.ToString()) + "%";
    }
    std::string operator()(const MoneyValue& m) const {
      return fmt::format("{} {}", m.amount.ToString(), m.currency);
    }
    std::string operator()(const values::Date& d) const { return d.ToString(); }
    std::string operator()(const Duration& d) const { return d.ToString(); }
    std::string operator()(const std::string& s) const { return fmt::format("\"{}\"", s); }
    std::string operator()(const NoneValue&) const { return "none"; }
  };
  return std::visit(Printer{}, value);
}

std::optional<values::CompareOp> AsCompareOp(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq:
      return values::CompareOp::kEq;
    case ast::BinaryOp::kNe:
      return values::CompareOp::kNe;
    case ast::BinaryOp::kLt:
      return values::CompareOp::kLt;
    case ast::BinaryOp::kLe:
      return values::CompareOp::kLe;
    case ast::BinaryOp::kGt:
      return values::CompareOp::kGt;
    case ast::BinaryOp::kGe:
      return values::CompareOp::kGe;
    default:
      return std::nullopt;
  }
}

namespace {

Folded DecimalResult(const Checked<Decimal>& r) {
  if (!r.ok()) return Folded::Fail(ArithErrorText(r.error));
  return Folded::Of(Constant{*r.value});
}

Folded IntResult(const Checked<int64_t>& r) {
  if (!r.ok()) return Folded::Fail(ArithErrorText(r.error));
  return Folded::Of(Constant{*r.value});
}

Folded MoneyResult(const Checked<Decimal>& r, const std::string& currency) {
  if (!r.ok()) return Folded::Fail(ArithErrorText(r.error));
  return Folded::Of(Constant{MoneyValue{*r.value, currency}});
}

Folded PercentResult(const Checked<Decimal>& r) {
  if (!r.ok()) return Folded::Fail(ArithErrorText(r.error));
  return Folded::Of(Constant{PercentValue{*r.value}});
}

// An int or decimal constant as a decimal; ints beyond the decimal range
// (about 9.2 trillion) cannot be widened.
std::optional<Decimal> AsDecimal(const Constant& c, bool* too_large) {
  if (const auto* d = c.As<Decimal>()) return *d;
  if (const auto* i = c.As<int64_t>()) {
    std::optional<Decimal> d = Decimal::FromInt(*i);
    if (!d) *too_large = true;
    return d;
  }
  return std::nullopt;
}

Folded DurationResult(const Checked<Duration>& r) {
  if (!r.ok()) return Folded::Fail(ArithErrorText(r.error));
  return Folded::Of(Constant{*r.value});
}

// Calendar arithmetic on a constant date; lunar months need an ephemeris and
// are left to the runtime. Dates stay within years 1..9999.
Folded ShiftDate(values::Date date, const Duration& d, bool subtract) {
  if (d.lunar_months != 0) return Folded::NotConstant();
  constexpr int64_t kMaxShiftMonths = 12 * 10'000;
  constexpr int64_t kMaxShiftDays = 366 * 10'000;
  int64_t months = subtract ? -d.months : d.months;
  int64_t days = subtract ? -d.days : d.days;
  if (months > kMaxShiftMonths || months < -kMaxShiftMonths || days > kMaxShiftDays ||
      days < -kMaxShiftDays) {
    return Folded::Fail("date out of range");
  }
  values::Date shifted = date.AddMonths(months).AddDays(days);
  int64_t year = shifted.Civil().year;
  if (year < 1 || year > 9999) return Folded::Fail("date out of range");
  return Folded::Of(Constant{shifted});
}

template <typename T>
Folded Ordered(values::CompareOp op, const T& a, const T& b) {
  bool r = false;
  switch (op) {
    case values::CompareOp::kEq:
      r = a == b;
      break;
    case values::CompareOp::kNe:
      r = a != b;
      break;
    case values::CompareOp::kLt:
      r = a < b;
      break;
    case values::CompareOp::kLe:
      r = a <= b;
      break;
    case values::CompareOp::kGt:
      r = a > b;
      break;
    case values::CompareOp::kGe:
      r = a >= b;
      break;
  }
  return Folded::Of(Constant{r});
}

Folded Compare(values::CompareOp op, const Constant& a, const Constant& b) {
  bool too_large = false;
  if (const auto* x = a.As<int64_t>(); x && b.As<int64_t>()) {
    return Ordered(op, *x, *b.As<int64_t>());
  }
  std::optional<Decimal> da = AsDecimal(a, &too_large);
  std::optional<Decimal> db = AsDecimal(b, &too_large);
  if (too_large) return Folded::Fail("integer too large for a decimal");
  if (da && db) return Ordered(op, *da, *db);
  if (const auto* x = a.As<PercentValue>(); x && b.As<PercentValue>()) {
    return Ordered(op, x->fraction, b.As<PercentValue>()->fraction);
  }
  if (const auto* x = a.As<MoneyValue>(); x && b.As<MoneyValue>()) {
    return Ordered(op, x->amount, b.As<MoneyValue>()->amount);
  }
  if (const auto* x = a.As<values::Date>(); x && b.As<values::Date>()) {
    return Ordered(op, *x, *b.As<values::Date>());
  }
  if (const auto* x = a.As<Duration>(); x && b.As<Duration>()) {
    switch (values::CompareDurations(*x, op, *b.As<Duration>())) {
      case values::Decision::kTrue:
        return Folded::Of(Constant{true});
      case values::Decision::kFalse:
        return Folded::Of(Constant{false});
      case values::Decision::kUndecided: {
        Folded f;
        f.undecided = true;
        return f;
      }
    }
  }
  if (op == values::CompareOp::kEq || op == values::CompareOp::kNe) {
    bool equal = false;
    if (a.value.index() == b.value.index()) {
      equal = a == b;
    } else if (!a.As<NoneValue>() && !b.As<NoneValue>()) {
      return Folded::NotConstant();
    }
    return Folded::Of(Constant{op == values::CompareOp::kEq ? equal : !equal});
  }
  return Folded::NotConstant();
}

Folded Multiply(const Constant& a, const Constant& b) {
  bool too_large = false;
  if (a.As<int64_t>() && b.As<int64_t>()) {
    return IntResult(values::MulInt(*a.As<int64_t>(), *b.As<int64_t>()));
  }
  // A duration times a count stays a duration: checked before the scalar
  // cases, which would widen the count to a decimal and reject counts that
  // fit an int but not a decimal.
  if (const auto* d = a.As<Duration>(); d && b.As<int64_t>()) {
    return DurationResult(d->Times(*b.As<int64_t>()));
  }
  if (const auto* d = b.As<Duration>(); d && a.As<int64_t>()) {
    return DurationResult(d->Times(*a.As<int64_t>()));
  }
  // Scalar times scalar: percent * percent stays a percent; a percent of a
  // count, or any mix with a decimal, is a decimal.
  if (a.As<PercentValue>() && b.As<PercentValue>()) {
    return PercentResult(
        values::Mul(a.As<PercentValue>()->fraction, b.As<PercentValue>()->fraction));
  }
  auto scalar = [&](const Constant& c) -> std::optional<Decimal> {
    if (const auto* p = c.As<PercentValue>()) return p->fraction;
    return AsDecimal(c, &too_large);
  };
  std::optional<Decimal> sa = scalar(a);
  std::optional<Decimal> sb = scalar(b);
  if (too_large) return Folded::Fail("integer too large for a decimal");
  if (sa && sb) return DecimalResult(values::Mul(*sa, *sb));
  if (const auto* m = a.As<MoneyValue>(); m && sb) {
    return MoneyResult(values::Mul(m->amount, *sb), m->currency);
  }
  if (const auto* m = b.As<MoneyValue>(); m && sa) {
    return MoneyResult(values::Mul(*sa, m->amount), m->currency);
  }
  return Folded::NotConstant();
}

Folded Divide(const Constant& a, const Constant& b) {
  bool too_large = false;
  if (const auto* m = a.As<MoneyValue>()) {
    if (const auto* n = b.As<MoneyValue>()) return DecimalResult(values::Div(m->amount, n->amount));
    std::optional<Decimal> divisor = AsDecimal(b, &too_large);
    if (too_large) return Folded::Fail("integer too large for a decimal");
    if (divisor) return MoneyResult(values::Div(m->amount, *divisor), m->currency);
    return Folded::NotConstant();
  }
  // int / int is a decimal: policy arithmetic never truncates silently.
  std::optional<Decimal> da = AsDecimal(a, &too_large);
  std::optional<Decimal> db = AsDecimal(b, &too_large);
  if (too_large) return Folded::Fail("integer too large for a decimal");
  if (da && db) return DecimalResult(values::Div(*da, *db));
  return Folded::NotConstant();
}

Folded AddOrSubtract(const Constant& a, const Constant& b, bool subtract) {
  bool too_large = false;
  if (a.As<int64_t>() && b.As<int64_t>()) {
    auto op = subtract ? values::SubInt : values::AddInt;
    return IntResult(op(*a.As<int64_t>(), *b.As<int64_t>()));
  }
  auto decimal_op = subtract ? values::Sub : values::Add;
  if (a.As<PercentValue>() && b.As<PercentValue>()) {
    return PercentResult(
        decimal_op(a.As<PercentValue>()->fraction, b.As<PercentValue>()->fraction));
  }
  if (a.As<MoneyValue>() && b.As<MoneyValue>()) {
    return MoneyResult(decimal_op(a.As<MoneyValue>()->amount, b.As<MoneyValue>()->amount),
                       a.As<MoneyValue>()->currency);
  }
  if (a.As<Duration>() && b.As<Duration>()) {
    const Duration& x = *a.As<Duration>();
    const Duration& y = *b.As<Duration>();
    return DurationResult(subtract ? x.Minus(y) : x.Plus(y));
  }
  if (const auto* d = a.As<values::Date>()) {
    if (const auto* dur = b.As<Duration>()) return ShiftDate(*d, *dur, subtract);
    if (const auto* other = b.As<values::Date>(); other && subtract) {
      return Folded::Of(Constant{Duration{d->days() - other->days(), 0, 0}});
    }
  }
  if (const auto* dur = a.As<Duration>(); dur && b.As<values::Date>() && !subtract) {
    return ShiftDate(*b.As<values::Date>(), *dur, false);
  }
  std::optional<Decimal> da = AsDecimal(a, &too_large);
  std::optional<Decimal> db = AsDecimal(b, &too_large);
  if (too_large) return Folded::Fail("integer too large for a decimal");
  if (da && db) return DecimalResult(decimal_op(*da, *db));
  return Folded::NotConstant();
}

}  // namespace

Folded FoldUnary(ast::UnaryOp op, const Constant& operand) {
  if (op == ast::UnaryOp::kNot) {
    if (const auto* b = operand.As<bool>()) return Folded::Of(Constant{!*b});
    return Folded::NotConstant();
  }
  if (const auto* i = operand.As<int64_t>()) return IntResult(values::SubInt(0, *i));
  if (const auto* d = operand.As<Decimal>()) return DecimalResult(values::Neg(*d));
  if (const auto* p = operand.As<PercentValue>()) return PercentResult(values::Neg(p->fraction));
  if (const auto* m = operand.As<MoneyValue>())
    return MoneyResult(values::Neg(m->amount), m->currency);
  if (const auto* d = operand.As<Duration>()) return DurationResult(d->Times(-1));
  return Folded::NotConstant();
}

Folded FoldBinary(ast::BinaryOp op, const Constant& lhs, const Constant& rhs) {
  switch (op) {
    case ast::BinaryOp::kAdd:
      return AddOrSubtract(lhs, rhs, false);
    case ast::BinaryOp::kSub:
      return AddOrSubtract(lhs, rhs, true);
    case ast::BinaryOp::kMul:
    case ast::BinaryOp::kOf:
      return Multiply(lhs, rhs);
    case ast::BinaryOp::kDiv:
      return Divide(lhs, rhs);
    case ast::BinaryOp::kAnd:
    case ast::BinaryOp::kOr: {
      const bool* a = lhs.As<bool>();
      const bool* b = rhs.As<bool>();
      if (!a || !b) return Folded::NotConstant();
      return Folded::Of(Constant{op == ast::BinaryOp::kAnd ? (*a && *b) : (*a || *b)});
    }
    default:
      break;
  }
  if (std::optional<values::CompareOp> cmp = AsCompareOp(op)) return Compare(*cmp, lhs, rhs);
  return Folded::NotConstant();
}

Folded FoldMinMax(bool is_max, const Constant& a, const Constant& b) {
  Folded less = Compare(values::CompareOp::kLt, a, b);
  if (!less.value) return less;  // failed, undecided or not foldable
  bool a_less = *less.value->As<bool>();
  const Constant& pick = (a_less != is_max) ? a : b;
  // Mixed int/decimal operands give a decimal result (the unified type).
  if ((a.As<int64_t>() && b.As<Decimal>()) || (a.As<Decimal>() && b.As<int64_t>())) {
    if (const auto* i = pick.As<int64_t>()) return Folded::Of(Constant{*Decimal::FromInt(*i)});
  }
  return Folded::Of(pick);
}

}  // namespace concord::sema
