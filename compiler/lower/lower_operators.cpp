// Lowering of operators: each accepted combination of operand types
// (compiler/sema/operators.cpp) becomes one specific op, with conversions
// inserted where sema's typing widened an operand. Operands keep their source
// order, so both engines evaluate them left to right.
#include <fmt/format.h>

#include "compiler/ir/currency_hint.h"
#include "compiler/lower/lower_expr.h"
#include "compiler/sema/constant.h"

namespace concord::lower {
namespace {

bool Is(const Node& n, TypeKind kind) {
  return n.type->Is(kind);
}
bool IsScalar(const Node& n) {
  return Is(n, TypeKind::kInt) || Is(n, TypeKind::kDecimal) || Is(n, TypeKind::kPercent);
}

std::string Operands(const Node& a, const Node& b) {
  return fmt::format("{} and {}", a.type->ToString(), b.type->ToString());
}

}  // namespace

// --- conversions ---------------------------------------------------------------

NodePtr ExprLowerer::Coerce(NodePtr node, const Type* to) {
  if (!node || !to || node->type == to) return node;
  const Type* from = node->type->Inner();
  const Type* target = to->Inner();
  bool optional = node->type->Is(TypeKind::kOptional);
  auto wrap = [&](const Type* inner) { return optional ? types_.Optional(inner) : inner; };
  if (from->Is(TypeKind::kInt) && target->Is(TypeKind::kDecimal)) {
    diag::SourceRange range = node->range;
    return Make(Op::kIntToDecimal, wrap(types_.Decimal()), range, std::move(node));
  }
  if (from->Is(TypeKind::kMoney) && target->Is(TypeKind::kMoney) && from->currency().empty() &&
      !target->currency().empty()) {
    // Money whose currency only the run time knows, where sema promised a
    // known one: the promise is checked (`fn f(x: money<EUR>)` called with
    // an income).
    HintCurrency(*node, target->currency());
    diag::SourceRange range = node->range;
    NodePtr checked = Make(Op::kCheckCurrency, wrap(target), range, std::move(node));
    checked->currency = target->currency();
    return checked;
  }
  // Everything else sema accepts needs no work at run time: none into an
  // optional, a known currency into run-time money, `{}` into any set.
  return node;
}

NodePtr ExprLowerer::ToDecimal(NodePtr node) {
  if (!node) return nullptr;
  diag::SourceRange range = node->range;
  if (Is(*node, TypeKind::kInt)) {
    return Make(Op::kIntToDecimal, types_.Decimal(), range, std::move(node));
  }
  if (Is(*node, TypeKind::kPercent)) {
    return Make(Op::kPercentToDecimal, types_.Decimal(), range, std::move(node));
  }
  return node;
}

void ExprLowerer::HintCurrency(Node& node, const std::string& currency) {
  ir::HintEmptySums(node, currency);
}

void ExprLowerer::HintEachOther(Node& a, Node& b) {
  HintCurrency(a, b.type->Inner()->currency());
  HintCurrency(b, a.type->Inner()->currency());
}

// --- unary -------------------------------------------------------------------

NodePtr ExprLowerer::LowerUnary(const ast::UnaryExpr& unary, const Type* type) {
  NodePtr operand = Lower(*unary.operand);
  if (!operand) return nullptr;
  if (unary.op == ast::UnaryOp::kNot) return Make(Op::kNot, type, unary.range, std::move(operand));
  std::optional<Op> op = ir::FindOp(ir::OpGroup::kNeg, operand->type->kind());
  if (!op) return Fail(fmt::format("cannot negate {}", operand->type->ToString()), unary.range);
  return Make(*op, type, unary.range, std::move(operand));
}

// --- binary --------------------------------------------------------------------

NodePtr ExprLowerer::LowerBinary(const ast::BinaryExpr& binary, const Type* type) {
  NodePtr lhs = Lower(*binary.lhs);
  NodePtr rhs = Lower(*binary.rhs);
  if (!lhs || !rhs) return nullptr;
  diag::SourceRange range = binary.range;
  switch (binary.op) {
    case ast::BinaryOp::kAnd:
      return Make(Op::kAnd, type, range, std::move(lhs), std::move(rhs));
    case ast::BinaryOp::kOr:
      return Make(Op::kOr, type, range, std::move(lhs), std::move(rhs));
    case ast::BinaryOp::kAdd:
      return AddSub(false, std::move(lhs), std::move(rhs), type, range);
    case ast::BinaryOp::kSub:
      return AddSub(true, std::move(lhs), std::move(rhs), type, range);
    case ast::BinaryOp::kMul:
      return Multiply(std::move(lhs), std::move(rhs), type, range);
    case ast::BinaryOp::kOf:
      if (Is(*rhs, TypeKind::kSet)) {
        // `25% of rules` is `25% * count(rules)`.
        diag::SourceRange set_range = rhs->range;
        rhs = Make(Op::kCount, types_.Int(), set_range, std::move(rhs));
      }
      return Multiply(std::move(lhs), std::move(rhs), type, range);
    case ast::BinaryOp::kDiv:
      return Divide(std::move(lhs), std::move(rhs), type, range);
    case ast::BinaryOp::kWithin:
      return Make(Op::kWithinDate, type, range, std::move(lhs), std::move(rhs));
    default:
      return LowerComparison(binary, std::move(lhs), std::move(rhs));
  }
}

NodePtr ExprLowerer::AddSub(bool subtract, NodePtr lhs, NodePtr rhs, const Type* type,
                            diag::SourceRange range) {
  const Node& a = *lhs;
  const Node& b = *rhs;
  Op op;
  if (Is(a, TypeKind::kInt) && Is(b, TypeKind::kInt)) {
    op = subtract ? Op::kSubInt : Op::kAddInt;
  } else if ((Is(a, TypeKind::kInt) || Is(a, TypeKind::kDecimal)) &&
             (Is(b, TypeKind::kInt) || Is(b, TypeKind::kDecimal))) {
    lhs = ToDecimal(std::move(lhs));
    rhs = ToDecimal(std::move(rhs));
    op = subtract ? Op::kSubDecimal : Op::kAddDecimal;
  } else if (Is(a, TypeKind::kPercent) && Is(b, TypeKind::kPercent)) {
    op = subtract ? Op::kSubPercent : Op::kAddPercent;
  } else if (Is(a, TypeKind::kMoney) && Is(b, TypeKind::kMoney)) {
    HintEachOther(*lhs, *rhs);
    op = subtract ? Op::kSubMoney : Op::kAddMoney;
  } else if (Is(a, TypeKind::kDuration) && Is(b, TypeKind::kDuration)) {
    op = subtract ? Op::kSubDuration : Op::kAddDuration;
  } else if (Is(a, TypeKind::kDate) && Is(b, TypeKind::kDuration)) {
    op = subtract ? Op::kSubDateDuration : Op::kAddDateDuration;
  } else if (!subtract && Is(a, TypeKind::kDuration) && Is(b, TypeKind::kDate)) {
    op = Op::kAddDurationDate;
  } else if (subtract && Is(a, TypeKind::kDate) && Is(b, TypeKind::kDate)) {
    op = Op::kSubDate;
  } else {
    return Fail(fmt::format("no IR op for `{}` on {}", subtract ? "-" : "+", Operands(a, b)),
                range);
  }
  return Make(op, type, range, std::move(lhs), std::move(rhs));
}

NodePtr ExprLowerer::Multiply(NodePtr lhs, NodePtr rhs, const Type* type, diag::SourceRange range) {
  if (!lhs || !rhs) return nullptr;
  const Node& a = *lhs;
  const Node& b = *rhs;
  Op op;
  if (Is(a, TypeKind::kInt) && Is(b, TypeKind::kInt)) {
    op = Op::kMulInt;
  } else if (Is(a, TypeKind::kPercent) && Is(b, TypeKind::kPercent)) {
    op = Op::kMulPercent;
  } else if (Is(a, TypeKind::kMoney) && IsScalar(b)) {
    if (Is(b, TypeKind::kPercent)) {
      op = Op::kMulMoneyPercent;
    } else {
      rhs = ToDecimal(std::move(rhs));
      op = Op::kMulMoneyDecimal;
    }
  } else if (IsScalar(a) && Is(b, TypeKind::kMoney)) {
    if (Is(a, TypeKind::kPercent)) {
      op = Op::kMulPercentMoney;
    } else {
      lhs = ToDecimal(std::move(lhs));
      op = Op::kMulDecimalMoney;
    }
  } else if (IsScalar(a) && IsScalar(b)) {
    // A percent of a count, or any mix with a decimal: a decimal product.
    lhs = ToDecimal(std::move(lhs));
    rhs = ToDecimal(std::move(rhs));
    op = Op::kMulDecimal;
  } else if (Is(a, TypeKind::kDuration) && Is(b, TypeKind::kInt)) {
    op = Op::kMulDurationInt;
  } else if (Is(a, TypeKind::kInt) && Is(b, TypeKind::kDuration)) {
    op = Op::kMulIntDuration;
  } else {
    return Fail(fmt::format("no IR op for `*` on {}", Operands(a, b)), range);
  }
  return Make(op, type, range, std::move(lhs), std::move(rhs));
}

NodePtr ExprLowerer::Divide(NodePtr lhs, NodePtr rhs, const Type* type, diag::SourceRange range) {
  const Node& a = *lhs;
  const Node& b = *rhs;
  Op op;
  auto int_or_decimal = [](const Node& n) {
    return Is(n, TypeKind::kInt) || Is(n, TypeKind::kDecimal);
  };
  if (Is(a, TypeKind::kMoney) && Is(b, TypeKind::kMoney)) {
    op = Op::kDivMoney;
  } else if (Is(a, TypeKind::kMoney) && int_or_decimal(b)) {
    rhs = ToDecimal(std::move(rhs));
    op = Op::kDivMoneyDecimal;
  } else if (int_or_decimal(a) && int_or_decimal(b)) {
    // int / int is a decimal: policy arithmetic never truncates silently.
    lhs = ToDecimal(std::move(lhs));
    rhs = ToDecimal(std::move(rhs));
    op = Op::kDivDecimal;
  } else {
    return Fail(fmt::format("no IR op for `/` on {}", Operands(a, b)), range);
  }
  return Make(op, type, range, std::move(lhs), std::move(rhs));
}

// --- comparisons -----------------------------------------------------------------

NodePtr ExprLowerer::LowerComparison(const ast::BinaryExpr& binary, NodePtr lhs, NodePtr rhs) {
  std::optional<values::CompareOp> cmp = sema::AsCompareOp(binary.op);
  if (!cmp) return Fail("not a comparison", binary.range);
  const Type* boolean = types_.Bool();
  diag::SourceRange range = binary.range;
  bool negate = *cmp == values::CompareOp::kNe;

  // `x == none`, `x != none`: a test, whichever side the none is on.
  if (Is(*lhs, TypeKind::kNone) || Is(*rhs, TypeKind::kNone)) {
    NodePtr tested = Is(*lhs, TypeKind::kNone) ? std::move(rhs) : std::move(lhs);
    NodePtr test = Make(Op::kIsNone, boolean, range, std::move(tested));
    return negate ? Make(Op::kNot, boolean, range, std::move(test)) : std::move(test);
  }

  const Type* a = lhs->type->Inner();
  const Type* b = rhs->type->Inner();
  // An int meeting a decimal compares as a decimal (sema's unified type).
  bool any_optional = lhs->type->Is(TypeKind::kOptional) || rhs->type->Is(TypeKind::kOptional);
  const Type* decimal = any_optional ? types_.Optional(types_.Decimal()) : types_.Decimal();
  if (a->Is(TypeKind::kInt) && b->Is(TypeKind::kDecimal)) {
    lhs = Coerce(std::move(lhs), decimal);
  } else if (a->Is(TypeKind::kDecimal) && b->Is(TypeKind::kInt)) {
    rhs = Coerce(std::move(rhs), decimal);
  }
  if (a->Is(TypeKind::kMoney) && b->Is(TypeKind::kMoney)) HintEachOther(*lhs, *rhs);

  bool optional = lhs->type->Is(TypeKind::kOptional) || rhs->type->Is(TypeKind::kOptional);
  // Two values of one ordered scalar kind compare with its op; all else,
  // optionals included, by value.
  Op op = Op::kEqValue;
  if (!optional && lhs->type->kind() == rhs->type->kind()) {
    op = ir::FindOp(ir::OpGroup::kCompare, lhs->type->kind()).value_or(Op::kEqValue);
  }
  if (op == Op::kEqValue && *cmp != values::CompareOp::kEq && !negate) {
    return Fail(
        fmt::format("no IR op for `{}` on {}", ast::Spelling(binary.op), Operands(*lhs, *rhs)),
        range);
  }
  NodePtr node = Make(op, boolean, range, std::move(lhs), std::move(rhs));
  if (node) node->cmp = *cmp;
  return node;
}

}  // namespace concord::lower
