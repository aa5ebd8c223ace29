// Compile-time constants: the values of expressions built only from literals
// and operators over them. Sema folds them to report overflow and division
// by zero (E0214) and ambiguous duration comparisons (E0204) where they are
// written, and keeps them so later phases need not fold again. Folding uses
// the checked arithmetic of runtime/values, so it can never wrap or trap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "compiler/syntax/expr.h"
#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"

namespace concord::sema {

struct PercentValue {
  values::Decimal fraction;  // 25% is 0.25
  friend bool operator==(const PercentValue&, const PercentValue&) = default;
};

struct MoneyValue {
  values::Decimal amount;
  std::string currency;
  friend bool operator==(const MoneyValue&, const MoneyValue&) = default;
};

struct NoneValue {
  friend bool operator==(const NoneValue&, const NoneValue&) = default;
};

// int is int64_t; decimal is values::Decimal; text is std::string.
using ConstantValue = std::variant<bool, int64_t, values::Decimal, PercentValue, MoneyValue,
                                   values::Date, values::Duration, std::string, NoneValue>;

struct Constant {
  ConstantValue value;

  template <typename T>
  const T* As() const {
    return std::get_if<T>(&value);
  }
  // As written in Concord: `12`, `2.5`, `25%`, `50 EUR`, `2026-11-01`, `1 month`.
  std::string ToString() const;
  friend bool operator==(const Constant&, const Constant&) = default;
};

// The outcome of folding one operation.
struct Folded {
  std::optional<Constant> value;  // absent when not foldable, failed or undecided
  bool failed = false;            // overflow or division by zero: report E0214
  std::string failure;            // "integer overflow", "division by zero", ...
  bool undecided = false;         // a duration comparison the interval rule cannot decide

  static Folded Of(Constant c) { return {std::move(c), false, {}, false}; }
  static Folded Fail(std::string why) { return {std::nullopt, true, std::move(why), false}; }
  static Folded NotConstant() { return {}; }
};

// Operands already type-checked: the result follows the operator rules of
// operators.h (`int * decimal` folds to a decimal, `25% * 4` to a decimal).
// `of` folds like `*`; sets are never constant.
Folded FoldUnary(ast::UnaryOp op, const Constant& operand);
Folded FoldBinary(ast::BinaryOp op, const Constant& lhs, const Constant& rhs);
Folded FoldMinMax(bool is_max, const Constant& a, const Constant& b);

std::optional<values::CompareOp> AsCompareOp(ast::BinaryOp op);
const char* ArithErrorText(values::ArithError error);

}  // namespace concord::sema
