#include "compiler/compat/income_formula.h"

#include <fmt/format.h>

#include <algorithm>

namespace concord::compat {
namespace {

// Calls of fns are inlined; sema forbids recursion, so this only guards
// against absurdly deep call chains.
constexpr int kMaxDepth = 256;

z3::expr Compare(values::CompareOp op, const z3::expr& a, const z3::expr& b) {
  switch (op) {
    case values::CompareOp::kEq:
      return a == b;
    case values::CompareOp::kNe:
      return a != b;
    case values::CompareOp::kLt:
      return a < b;
    case values::CompareOp::kLe:
      return a <= b;
    case values::CompareOp::kGt:
      return a > b;
    case values::CompareOp::kGe:
      return a >= b;
  }
  return a == b;
}

// The kinds the encoding reads as real numbers.
bool IsNumber(ir::TypeKind kind) {
  return kind == ir::TypeKind::kInt || kind == ir::TypeKind::kDecimal ||
         kind == ir::TypeKind::kPercent || kind == ir::TypeKind::kMoney;
}

}  // namespace

z3::expr IncomeEncoder::Rational(z3::context& ctx, int64_t raw_decimal) {
  // raw / 10^6, written as a numeral string so no int64 product can overflow.
  std::string text = fmt::format("{}/{}", raw_decimal, values::Decimal::kScale);
  return ctx.real_val(text.c_str());
}

EncodeResult IncomeEncoder::Encode(const ir::Root& root) {
  unsupported_.clear();
  std::optional<z3::expr> term = Node(*root.body, {});
  if (!term) return {std::nullopt, unsupported_.empty() ? "cannot be encoded" : unsupported_};
  return {term, {}};
}

void IncomeEncoder::NoteCurrency(std::string code) {
  if (std::find(currencies_.begin(), currencies_.end(), code) == currencies_.end()) {
    currencies_.push_back(std::move(code));
  }
}

std::optional<z3::expr> IncomeEncoder::Constant(const values::Value& value) {
  if (const int64_t* i = value.AsInt()) return ctx_.real_val(std::to_string(*i).c_str());
  if (const values::Decimal* d = value.AsDecimal()) return Rational(ctx_, d->raw());
  if (const values::Percent* p = value.AsPercent()) return Rational(ctx_, p->fraction.raw());
  if (const values::Money* m = value.AsMoney()) {
    NoteCurrency(std::string(m->currency.code()));
    return Rational(ctx_, m->amount.raw());
  }
  if (const bool* b = value.AsBool()) return ctx_.bool_val(*b);
  unsupported_ = fmt::format("uses the constant `{}`, which is not a number", value.ToString());
  return std::nullopt;
}

std::optional<z3::expr> IncomeEncoder::Node(const ir::Node& node,
                                            const std::vector<z3::expr>& params) {
  auto child = [&](size_t i) -> std::optional<z3::expr> {
    const ir::Node* c = node.child(i);
    if (!c) {
      unsupported_ = "has an operation without an operand";
      return std::nullopt;
    }
    return Node(*c, params);
  };
  auto unary = [&](auto f) -> std::optional<z3::expr> {
    std::optional<z3::expr> a = child(0);
    if (!a) return std::nullopt;
    return f(*a);
  };
  auto binary = [&](auto f) -> std::optional<z3::expr> {
    std::optional<z3::expr> a = child(0);
    if (!a) return std::nullopt;
    std::optional<z3::expr> b = child(1);
    if (!b) return std::nullopt;
    return f(*a, *b);
  };

  switch (node.op) {
    case ir::Op::kConst:
      return Constant(node.constant);
    case ir::Op::kInput:
      if (node.slot == 0) return income_;
      break;
    case ir::Op::kParam:
      if (node.slot >= 0 && static_cast<size_t>(node.slot) < params.size()) {
        return params[static_cast<size_t>(node.slot)];
      }
      break;
    case ir::Op::kCall: {
      if (!node.callee || !node.callee->body) break;
      if (++depth_ > kMaxDepth) {
        unsupported_ = "calls functions nested too deeply";
        return std::nullopt;
      }
      std::vector<z3::expr> args;
      for (size_t i = 0; i < node.children.size(); ++i) {
        std::optional<z3::expr> a = child(i);
        if (!a) return std::nullopt;
        args.push_back(*a);
      }
      std::optional<z3::expr> body = Node(*node.callee->body, args);
      --depth_;  // a failure above stops the whole encoding, so no unwinding there
      return body;
    }
    case ir::Op::kCheckCurrency:
      if (!node.currency.empty()) NoteCurrency(node.currency);
      return child(0);
    case ir::Op::kIntToDecimal:
    case ir::Op::kPercentToDecimal:
      return child(0);
    case ir::Op::kNot:
      return unary([](const z3::expr& a) { return !a; });
    case ir::Op::kAnd:
      return binary([](const z3::expr& a, const z3::expr& b) { return a && b; });
    case ir::Op::kOr:
      return binary([](const z3::expr& a, const z3::expr& b) { return a || b; });
    case ir::Op::kIf: {
      std::optional<z3::expr> c = child(0);
      if (!c) return std::nullopt;
      std::optional<z3::expr> a = child(1);
      if (!a) return std::nullopt;
      std::optional<z3::expr> b = child(2);
      if (!b) return std::nullopt;
      return z3::ite(*c, *a, *b);
    }
    // `min(a, b)` is the first on a tie, like the interpreter; on numbers a
    // tie means equal values, so the order does not matter here.
    case ir::Op::kMin:
      return binary([](const z3::expr& a, const z3::expr& b) { return z3::ite(b < a, b, a); });
    case ir::Op::kMax:
      return binary([](const z3::expr& a, const z3::expr& b) { return z3::ite(b > a, b, a); });
    default:
      break;
  }
  // Arithmetic and comparisons on numbers (money is its amount); dates,
  // durations and EqValue (kind None) are not numbers z3 is given.
  if (IsNumber(ir::KindOf(node.op))) {
    switch (ir::GroupOf(node.op)) {
      case ir::OpGroup::kNeg:
        return unary([](const z3::expr& a) { return -a; });
      case ir::OpGroup::kAdd:
        return binary([](const z3::expr& a, const z3::expr& b) { return a + b; });
      case ir::OpGroup::kSub:
        return binary([](const z3::expr& a, const z3::expr& b) { return a - b; });
      case ir::OpGroup::kMul:
        return binary([](const z3::expr& a, const z3::expr& b) { return a * b; });
      case ir::OpGroup::kDiv:
        return binary([](const z3::expr& a, const z3::expr& b) { return a / b; });
      case ir::OpGroup::kCompare:
        return binary(
            [&](const z3::expr& a, const z3::expr& b) { return Compare(node.cmp, a, b); });
      default:
        break;
    }
  }
  if (unsupported_.empty()) {
    unsupported_ = node.name.empty()
                       ? fmt::format("uses `{}`, which is not a number computed from `income`",
                                     ir::OpName(node.op))
                       : fmt::format("reads `{}`, which is not computed from `income`", node.name);
  }
  return std::nullopt;
}

}  // namespace concord::compat
