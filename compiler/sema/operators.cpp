// Operator type rules. Every accepted combination is listed here and nowhere
// else; constant.cpp folds exactly these combinations.
#include "compiler/sema/operators.h"

namespace concord::sema {
namespace {

bool IsIntOrDecimal(const Type* t) {
  return t->Is(TypeKind::kInt) || t->Is(TypeKind::kDecimal);
}
bool IsScalar(const Type* t) {
  return IsIntOrDecimal(t) || t->Is(TypeKind::kPercent);
}

OperatorType Ok(const Type* t) {
  return {t, OperandError::kNone};
}
OperatorType Invalid() {
  return {nullptr, OperandError::kInvalid};
}

OperatorType MoneyResult(TypeContext& types, const Type* a, const Type* b) {
  bool clash = false;
  const Type* unified = Unify(types, a, b, &clash);
  if (!unified) return {nullptr, clash ? OperandError::kCurrency : OperandError::kInvalid};
  return Ok(unified);
}

OperatorType AddSub(TypeContext& types, bool subtract, const Type* a, const Type* b) {
  if (a->Is(TypeKind::kInt) && b->Is(TypeKind::kInt)) return Ok(types.Int());
  if (IsIntOrDecimal(a) && IsIntOrDecimal(b)) return Ok(types.Decimal());
  if (a->Is(TypeKind::kPercent) && b->Is(TypeKind::kPercent)) return Ok(types.Percent());
  if (a->Is(TypeKind::kMoney) && b->Is(TypeKind::kMoney)) return MoneyResult(types, a, b);
  if (a->Is(TypeKind::kDuration) && b->Is(TypeKind::kDuration)) return Ok(types.Duration());
  if (a->Is(TypeKind::kDate) && b->Is(TypeKind::kDuration)) return Ok(types.Date());
  if (!subtract && a->Is(TypeKind::kDuration) && b->Is(TypeKind::kDate)) return Ok(types.Date());
  if (subtract && a->Is(TypeKind::kDate) && b->Is(TypeKind::kDate)) return Ok(types.Duration());
  return Invalid();
}

OperatorType Multiply(TypeContext& types, const Type* a, const Type* b) {
  if (a->Is(TypeKind::kInt) && b->Is(TypeKind::kInt)) return Ok(types.Int());
  if (a->Is(TypeKind::kPercent) && b->Is(TypeKind::kPercent)) return Ok(types.Percent());
  if (IsScalar(a) && IsScalar(b)) return Ok(types.Decimal());
  if (a->Is(TypeKind::kMoney) && IsScalar(b)) return Ok(a);
  if (IsScalar(a) && b->Is(TypeKind::kMoney)) return Ok(b);
  // Durations scale by whole numbers only: half a month has no calendar meaning.
  if (a->Is(TypeKind::kDuration) && b->Is(TypeKind::kInt)) return Ok(types.Duration());
  if (a->Is(TypeKind::kInt) && b->Is(TypeKind::kDuration)) return Ok(types.Duration());
  return Invalid();
}

OperatorType Divide(TypeContext& types, const Type* a, const Type* b) {
  if (a->Is(TypeKind::kMoney) && b->Is(TypeKind::kMoney)) {
    OperatorType same = MoneyResult(types, a, b);
    if (same.error != OperandError::kNone) return same;
    return Ok(types.Decimal());
  }
  if (a->Is(TypeKind::kMoney) && IsIntOrDecimal(b)) return Ok(a);
  if (IsIntOrDecimal(a) && IsIntOrDecimal(b)) return Ok(types.Decimal());
  return Invalid();
}

OperatorType Compare(TypeContext& types, ast::BinaryOp op, const Type* a, const Type* b) {
  bool clash = false;
  const Type* unified = Unify(types, a, b, &clash);
  if (!unified) return {nullptr, clash ? OperandError::kCurrency : OperandError::kInvalid};
  // Any optional can be tested against `none` (reference-sema.md §2), even
  // one whose values cannot be compared with each other (`decision_rule?`).
  bool against_none = !IsOrdering(op) && (a->Is(TypeKind::kNone) || b->Is(TypeKind::kNone));
  if (against_none) return Ok(types.Bool());
  if (IsOrdering(op) ? !IsOrdered(unified) : !IsEquatable(unified)) return Invalid();
  return Ok(types.Bool());
}

}  // namespace

bool IsComparison(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq:
    case ast::BinaryOp::kNe:
    case ast::BinaryOp::kLt:
    case ast::BinaryOp::kLe:
    case ast::BinaryOp::kGt:
    case ast::BinaryOp::kGe:
      return true;
    default:
      return false;
  }
}

bool IsOrdering(ast::BinaryOp op) {
  return IsComparison(op) && op != ast::BinaryOp::kEq && op != ast::BinaryOp::kNe;
}

bool IsEquatable(const Type* type) {
  switch (type->kind()) {
    case TypeKind::kRecord:
      return type->record()->is_entity;
    case TypeKind::kSet:
    case TypeKind::kOptional:
      return IsEquatable(type->element());
    default:
      return true;
  }
}

OperatorType BinaryOperatorType(TypeContext& types, ast::BinaryOp op, const Type* lhs,
                                const Type* rhs) {
  if (lhs->IsError() || rhs->IsError()) return Ok(types.Error());
  switch (op) {
    case ast::BinaryOp::kAnd:
    case ast::BinaryOp::kOr:
      if (lhs->Is(TypeKind::kBool) && rhs->Is(TypeKind::kBool)) return Ok(types.Bool());
      return Invalid();
    case ast::BinaryOp::kAdd:
      return AddSub(types, false, lhs, rhs);
    case ast::BinaryOp::kSub:
      return AddSub(types, true, lhs, rhs);
    case ast::BinaryOp::kOf:
      if (rhs->Is(TypeKind::kSet)) return Multiply(types, lhs, types.Int());
      return Multiply(types, lhs, rhs);
    case ast::BinaryOp::kMul:
      return Multiply(types, lhs, rhs);
    case ast::BinaryOp::kDiv:
      return Divide(types, lhs, rhs);
    default:
      return Compare(types, op, lhs, rhs);
  }
}

OperatorType UnaryOperatorType(TypeContext& types, ast::UnaryOp op, const Type* operand) {
  if (operand->IsError()) return Ok(types.Error());
  if (op == ast::UnaryOp::kNot) {
    return operand->Is(TypeKind::kBool) ? Ok(types.Bool()) : Invalid();
  }
  if (IsScalar(operand) || operand->Is(TypeKind::kMoney) || operand->Is(TypeKind::kDuration)) {
    return Ok(operand);
  }
  return Invalid();
}

}  // namespace concord::sema
