// Quota arithmetic over exact decimals (runtime/values), so `33% of 3 rules`
// is 0.99 and rounds up to 1, never 0.9899999 or 1.0000001.
#include "compiler/revise/quota.h"

#include <algorithm>

#include "runtime/values/decimal.h"

namespace concord::revise {
namespace {

using values::Decimal;

// What a sub-expression of a quota denotes.
struct Value {
  enum class Kind : uint8_t { kNumber, kShare, kRules } kind = Kind::kNumber;
  Decimal amount;  // the number, the share as a fraction, or the count of rules
};

class QuotaEvaluator {
 public:
  explicit QuotaEvaluator(int64_t rules) : rules_(*Decimal::FromInt(rules)) {}

  std::optional<Value> Eval(const ast::Expr& e) {
    if (auto* i = e.As<ast::IntLit>()) return Number(Decimal::FromInt(i->value));
    if (auto* d = e.As<ast::DecimalLit>()) return Value{Value::Kind::kNumber, d->value};
    if (auto* p = e.As<ast::PercentLit>()) return Value{Value::Kind::kShare, p->fraction};
    if (auto* n = e.As<ast::NameRef>()) {
      if (n->name.name == "rules") return Value{Value::Kind::kRules, rules_};
      return Fail("it names `" + n->name.name + "`");
    }
    if (auto* call = e.As<ast::CallExpr>()) return Call(*call);
    if (auto* b = e.As<ast::BinaryExpr>()) return Binary(*b);
    if (auto* u = e.As<ast::UnaryExpr>(); u && u->op == ast::UnaryOp::kNeg && u->operand) {
      auto v = Eval(*u->operand);
      if (!v) return v;
      auto negated = values::Neg(v->amount);
      if (!negated.ok()) return Fail("it overflows");
      return Value{v->kind == Value::Kind::kShare ? v->kind : Value::Kind::kNumber, *negated.value};
    }
    return Fail("it is not arithmetic on numbers and `rules`");
  }

  const std::string& why_not() const { return why_not_; }

 private:
  std::optional<Value> Fail(std::string why) {
    if (why_not_.empty()) why_not_ = std::move(why);
    return std::nullopt;
  }

  std::optional<Value> Number(std::optional<Decimal> d) {
    if (!d) return Fail("it overflows");
    return Value{Value::Kind::kNumber, *d};
  }

  std::optional<Value> Call(const ast::CallExpr& call) {
    const std::string& f = call.callee.name;
    if (f == "count" && call.args.size() == 1 && call.args[0]) {
      auto v = Eval(*call.args[0]);
      if (!v) return v;
      if (v->kind != Value::Kind::kRules) return Fail("it counts something other than `rules`");
      return Value{Value::Kind::kNumber, v->amount};
    }
    if ((f == "min" || f == "max") && call.args.size() == 2 && call.args[0] && call.args[1]) {
      auto a = Eval(*call.args[0]);
      auto b = Eval(*call.args[1]);
      if (!a || !b) return std::nullopt;
      if (a->kind != b->kind) return Fail("`" + f + "` mixes a share and a number");
      Decimal pick = f == "min" ? std::min(a->amount, b->amount) : std::max(a->amount, b->amount);
      return Value{a->kind, pick};
    }
    return Fail("it calls `" + f + "`");
  }

  std::optional<Value> Binary(const ast::BinaryExpr& b) {
    if (!b.lhs || !b.rhs) return Fail("it is incomplete");
    auto l = Eval(*b.lhs);
    auto r = Eval(*b.rhs);
    if (!l || !r) return std::nullopt;
    using K = Value::Kind;
    // `rules` outside `P of rules` is its count.
    auto number = [](Value v) { return v.kind == K::kRules ? Value{K::kNumber, v.amount} : v; };
    switch (b.op) {
      case ast::BinaryOp::kOf:
      case ast::BinaryOp::kMul: {
        Value x = number(*l), y = number(*r);
        auto product = values::Mul(x.amount, y.amount);
        if (!product.ok()) return Fail("it overflows");
        // share × share stays a share; anything times a count is a count.
        K kind = x.kind == K::kShare && y.kind == K::kShare ? K::kShare : K::kNumber;
        return Value{kind, *product.value};
      }
      case ast::BinaryOp::kAdd:
      case ast::BinaryOp::kSub:
      case ast::BinaryOp::kDiv: {
        Value x = number(*l), y = number(*r);
        if (x.kind != y.kind && b.op != ast::BinaryOp::kDiv) {
          return Fail("it adds a share to a number");
        }
        auto result = b.op == ast::BinaryOp::kAdd   ? values::Add(x.amount, y.amount)
                      : b.op == ast::BinaryOp::kSub ? values::Sub(x.amount, y.amount)
                                                    : values::Div(x.amount, y.amount);
        if (!result.ok()) return Fail("it overflows or divides by zero");
        K kind = b.op == ast::BinaryOp::kDiv && y.kind == K::kShare ? K::kNumber : x.kind;
        return Value{kind, *result.value};
      }
      default:
        return Fail(std::string("it uses `") + ast::Spelling(b.op) + "`");
    }
  }

  Decimal rules_;
  std::string why_not_;
};

}  // namespace

QuotaValue EvaluateQuota(const ast::Expr& quota, int64_t rules_in_force) {
  QuotaEvaluator evaluator(rules_in_force);
  std::optional<Value> v = evaluator.Eval(quota);
  if (!v) return {std::nullopt, {}, evaluator.why_not()};
  Decimal count = v->amount;
  if (v->kind == Value::Kind::kShare) {
    auto scaled = values::Mul(count, *Decimal::FromInt(rules_in_force));
    if (!scaled.ok()) return {std::nullopt, {}, "it overflows"};
    count = *scaled.value;
  }
  int64_t rules = std::clamp<int64_t>(count.Ceil(), 0, rules_in_force);
  return {rules, count.ToString(), {}};
}

}  // namespace concord::revise
