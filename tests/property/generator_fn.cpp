// FnGen's core: an expression of any type, literal or not; variables
// (parameters and comprehension variables); operand pairs of which one is
// not constant; negation, `if`, min/max of two; calls of helper fns.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/property/generator_internal.h"

namespace concord::property::gen {

// --- expressions ------------------------------------------------------------------

std::string FnGen::Signature() const {
  std::string out;
  for (size_t i = 0; i < params_.size(); ++i) {
    if (i > 0) out += ", ";
    out += params_[i].name + ": " + TypeSource(params_[i].type);
  }
  return out;
}

// A literal or (more often) a non-constant expression.
Expr FnGen::Any(GType t, int depth, Cur want, bool decimal_safe) {
  if (t.kind != Kind::kSet && rng_.Chance(1, depth <= 0 ? 2 : 4)) {
    return Literal(t, want, decimal_safe);
  }
  return Gen(t, depth, want);
}

// A non-constant expression: it reads a parameter, a comprehension
// variable or a call somewhere, so sema cannot fold it.
Expr FnGen::Gen(GType t, int depth, Cur want, bool top) {
  Expr e = Compose(t, depth, want, top);
  // Only money carries a currency: a ratio `a / b` of EUR amounts is a
  // plain decimal and must not bind the currency of what it multiplies.
  const bool money = t.kind == Kind::kMoney || (t.kind == Kind::kSet && t.element == Kind::kMoney);
  if (!money) e.cur = Cur::kRuntime;
  return e;
}

Expr FnGen::Compose(GType t, int depth, Cur want, bool top) {
  if (depth <= 0 || (!top && rng_.Chance(1, 6))) return Var(t, want);
  if (rng_.Chance(1, 12)) return If(t, depth, want);
  if (rng_.Chance(1, 40) && s_.helpers.size() < 3) return Call(t, depth);
  switch (t.kind) {
    case Kind::kBool:
      return Bool(depth);
    case Kind::kInt:
      return Int(depth);
    case Kind::kDecimal:
      return Decimal(depth);
    case Kind::kPercent:
      return Percent(depth);
    case Kind::kMoney:
      return Money(depth, want);
    case Kind::kDate:
      return Date(depth);
    case Kind::kDuration:
      return Duration(depth);
    case Kind::kText:
      return Var(t, want);
    case Kind::kSet:
      return Set(t, depth, want);
  }
  return Var(t, want);
}

Expr FnGen::Literal(GType t, Cur want, bool decimal_safe) {
  switch (t.kind) {
    case Kind::kBool:
      return lit_.Bool();
    case Kind::kInt:
      return lit_.Int(decimal_safe);
    case Kind::kDecimal:
      return lit_.Decimal();
    case Kind::kPercent:
      return lit_.Percent();
    case Kind::kMoney:
      return lit_.Money(want);
    case Kind::kDate:
      return lit_.Date();
    case Kind::kDuration:
      return lit_.Duration();
    case Kind::kText:
      return lit_.Text();
    case Kind::kSet:
      break;
  }
  return Gen(t, 0, want);
}

Expr FnGen::Var(GType t, Cur want) {
  std::vector<const Variable*> candidates;
  for (const Variable& v : locals_) {
    if (v.type == t && (v.cur == Cur::kRuntime || want == Cur::kRuntime || v.cur == want)) {
      candidates.push_back(&v);
    }
  }
  for (const Variable& v : params_) {
    if (v.type == t) candidates.push_back(&v);
  }
  const bool room = static_cast<int>(params_.size()) < s_.options.max_params;
  if (candidates.empty() || (room && rng_.Chance(1, 4))) {
    params_.push_back({fmt::format("{}{}", param_prefix_, params_.size()), t, Cur::kRuntime});
    return {params_.back().name, false, Cur::kRuntime};
  }
  const Variable* v = rng_.Pick(candidates);
  return {v->name, false, v->cur};
}

// Two operands of which at least one is not constant.
std::pair<Expr, Expr> FnGen::Operands(GType a, GType b, int depth, Cur want, bool safe_a,
                                      bool safe_b) {
  if (rng_.Chance(1, 2)) {
    Expr x = Gen(a, depth - 1, want);
    Expr y = Any(b, depth - 1, Narrow(want, x.cur), safe_b);
    return {std::move(x), std::move(y)};
  }
  Expr x = Any(a, depth - 1, want, safe_a);
  Expr y = x.constant ? Gen(b, depth - 1, Narrow(want, x.cur))
                      : Any(b, depth - 1, Narrow(want, x.cur), safe_b);
  return {std::move(x), std::move(y)};
}

Expr FnGen::Binary(const std::pair<Expr, Expr>& xy, std::string_view op) {
  const Cur cur = xy.first.cur != Cur::kRuntime ? xy.first.cur : xy.second.cur;
  return {fmt::format("({} {} {})", xy.first.text, op, xy.second.text), false, cur};
}

Expr FnGen::Neg(GType t, int depth, Cur want) {
  Expr x = Gen(t, depth - 1, want);
  return {"(-" + x.text + ")", false, x.cur};
}

Expr FnGen::If(GType t, int depth, Cur want) {
  Expr c = Any(Of(Kind::kBool), depth - 1, Cur::kRuntime);
  std::pair<Expr, Expr> xy;
  if (c.constant) {
    // Sema folds `if true then A else B` to A when A is constant, and
    // then folds what surrounds it: both branches must be non-constant.
    xy.first = Gen(t, depth - 1, want);
    xy.second = Gen(t, depth - 1, Narrow(want, xy.first.cur));
  } else {
    xy.first = Any(t, depth - 1, want);
    xy.second = Any(t, depth - 1, Narrow(want, xy.first.cur));
  }
  const Cur cur = xy.first.cur != Cur::kRuntime ? xy.first.cur : xy.second.cur;
  return {fmt::format("(if {} then {} else {})", c.text, xy.first.text, xy.second.text), false,
          cur};
}

Expr FnGen::MinMaxPair(GType t, int depth, Cur want) {
  auto xy = Operands(t, t, depth, want);
  const Cur cur = xy.first.cur != Cur::kRuntime ? xy.first.cur : xy.second.cur;
  return {
      fmt::format("{}({}, {})", rng_.Chance(1, 2) ? "min" : "max", xy.first.text, xy.second.text),
      false, cur};
}

// A helper fn of its own, with its own parameters, called with arguments
// from here: the Call op, and money whose currency only the callee knows.
// A money result has a run-time currency, which fits any requirement.
Expr FnGen::Call(GType t, int depth) {
  FnGen helper(s_, "q");
  const std::string name = fmt::format("h_{}_{}", s_.index, s_.helpers.size());
  s_.helpers.emplace_back();  // reserve the slot, so nested helpers number after it
  const size_t slot = s_.helpers.size() - 1;
  Expr body = helper.Gen(t, depth - 1, Cur::kRuntime);
  s_.helpers[slot] =
      fmt::format("fn {}({}) -> {} = {}\n", name, helper.Signature(), TypeSource(t), body.text);
  std::string args;
  for (size_t i = 0; i < helper.params().size(); ++i) {
    if (i > 0) args += ", ";
    args += Any(helper.params()[i].type, depth - 1, Cur::kRuntime).text;
  }
  return {fmt::format("{}({})", name, args), false, Cur::kRuntime};
}

}  // namespace concord::property::gen
