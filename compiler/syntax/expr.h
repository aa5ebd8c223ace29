// Expression nodes. Every node carries the SourceRange it was parsed from;
// literals carry their already-validated values (dates exist, decimals fit).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/source_range.h"
#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"

namespace concord::ast {

using diag::SourceRange;

struct Identifier {
  std::string name;
  SourceRange range;
};

enum class ExprKind : uint8_t {
#define CONCORD_EXPR(kind) k##kind,
#include "compiler/syntax/expr_kinds.def"
#undef CONCORD_EXPR
};

enum class BinaryOp : uint8_t {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kOf,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  // `x within d`: today - d < x <= today (a date and a duration).
  kWithin
};
enum class UnaryOp : uint8_t { kNeg, kNot };

const char* Spelling(BinaryOp op);
const char* Spelling(UnaryOp op);

struct Expr {
  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  ExprKind kind;
  SourceRange range;
  // Height of the tree below and including this node. The parser refuses
  // trees taller than its limit (E0109), so every later phase may recurse.
  uint32_t depth = 1;

  // Checked downcast by kind, LLVM style: `if (auto* b = e.As<BinaryExpr>())`.
  template <typename T>
  T* As() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* As() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

using ExprPtr = std::unique_ptr<Expr>;

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  explicit ExprOf(SourceRange r) : Expr(K, r) {}
};

struct BoolLit : ExprOf<ExprKind::kBoolLit> {
  using ExprOf::ExprOf;
  bool value = false;
};
struct IntLit : ExprOf<ExprKind::kIntLit> {
  using ExprOf::ExprOf;
  int64_t value = 0;
};
struct DecimalLit : ExprOf<ExprKind::kDecimalLit> {
  using ExprOf::ExprOf;
  values::Decimal value;
};
// `25%` is stored as the fraction 0.25.
struct PercentLit : ExprOf<ExprKind::kPercentLit> {
  using ExprOf::ExprOf;
  values::Decimal fraction;
};
struct MoneyLit : ExprOf<ExprKind::kMoneyLit> {
  using ExprOf::ExprOf;
  values::Decimal amount;
  std::string currency;
};
struct DateLit : ExprOf<ExprKind::kDateLit> {
  using ExprOf::ExprOf;
  values::Date value;
};
struct DurationLit : ExprOf<ExprKind::kDurationLit> {
  using ExprOf::ExprOf;
  int64_t count = 0;
  values::DurationUnit unit = values::DurationUnit::kDay;
};
struct TextLit : ExprOf<ExprKind::kTextLit> {
  using ExprOf::ExprOf;
  std::string value;  // escapes already decoded
};
struct NoneLit : ExprOf<ExprKind::kNoneLit> {
  using ExprOf::ExprOf;
};
struct NameRef : ExprOf<ExprKind::kNameRef> {
  using ExprOf::ExprOf;
  Identifier name;
};
struct FieldAccess : ExprOf<ExprKind::kFieldAccess> {
  using ExprOf::ExprOf;
  ExprPtr object;
  Identifier field;
};
struct CallExpr : ExprOf<ExprKind::kCall> {
  using ExprOf::ExprOf;
  Identifier callee;
  std::vector<ExprPtr> args;
};
// `count(m in members(p) where m.income > 100 EUR)` (no projection) or
// `sum(c.amount for c in contributions(f) where ...)` (with projection).
struct Comprehension : ExprOf<ExprKind::kComprehension> {
  using ExprOf::ExprOf;
  Identifier aggregate;  // count, sum, any, all, min, max
  Identifier variable;
  ExprPtr source;
  ExprPtr filter;      // may be null
  ExprPtr projection;  // may be null
};
struct SetLit : ExprOf<ExprKind::kSetLit> {
  using ExprOf::ExprOf;
  std::vector<ExprPtr> elements;
};
struct UnaryExpr : ExprOf<ExprKind::kUnary> {
  using ExprOf::ExprOf;
  UnaryOp op = UnaryOp::kNeg;
  SourceRange op_range;
  ExprPtr operand;
};
struct BinaryExpr : ExprOf<ExprKind::kBinary> {
  using ExprOf::ExprOf;
  BinaryOp op = BinaryOp::kAdd;
  SourceRange op_range;
  ExprPtr lhs;
  ExprPtr rhs;
};
struct IfExpr : ExprOf<ExprKind::kIf> {
  using ExprOf::ExprOf;
  ExprPtr condition;
  ExprPtr then_branch;
  ExprPtr else_branch;
};

}  // namespace concord::ast
