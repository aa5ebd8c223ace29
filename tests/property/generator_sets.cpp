// FnGen over sets: set literals with a non-constant element, and the
// comprehensions (count, sum, min, max, any, all) that bind a variable over
// a set.
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "tests/property/generator_internal.h"

namespace concord::property::gen {

// --- comprehensions ---

// Binds a fresh variable over a set of `element`; the caller pops it.
FnGen::Source FnGen::Bind(Kind element, int depth, Cur want) {
  Expr set = Gen(SetOf(element), depth - 1, element == Kind::kMoney ? want : Cur::kRuntime);
  std::string var = fmt::format("v{}", s_.next_local++);
  locals_.push_back({var, Of(element), set.cur});
  return {var, set.text};
}

std::string FnGen::Where(int depth) {
  if (!rng_.Chance(2, 3)) return "";
  return " where " + Gen(Of(Kind::kBool), depth - 1, Cur::kRuntime).text;
}

Expr FnGen::Count(int depth) {
  const Kind element = rng_.Pick(kElementKinds);
  if (rng_.Chance(1, 3)) {
    return {fmt::format("count({})", Gen(SetOf(element), depth - 1, Cur::kRuntime).text), false};
  }
  Source src = Bind(element, depth, Cur::kRuntime);
  const std::string where = Where(depth);
  locals_.pop_back();
  return {fmt::format("count({} in {}{})", src.var, src.set, where), false};
}

// sum, min or max over a set of `element`, projected to `t` or not.
Expr FnGen::Fold(std::string_view fn, GType t, int depth, Cur want) {
  if (rng_.Chance(1, 3)) {
    // `sum(s)`; `min` and `max` of a set are written `min(x in s)`.
    Expr set = Gen(SetOf(t.kind), depth - 1, want);
    if (fn == "sum") return {fmt::format("sum({})", set.text), false, set.cur};
    const std::string var = fmt::format("v{}", s_.next_local++);
    return {fmt::format("{}({} in {})", fn, var, set.text), false, set.cur};
  }
  if (rng_.Chance(1, 3)) {
    Source src = Bind(t.kind, depth, want);
    const Cur cur = locals_.back().cur;
    const std::string where = Where(depth);
    locals_.pop_back();
    if (where.empty())
      return {fmt::format("{}({} for {} in {})", fn, src.var, src.var, src.set), false, cur};
    return {fmt::format("{}({} in {}{})", fn, src.var, src.set, where), false, cur};
  }
  Source src = Bind(rng_.Pick(kElementKinds), depth, Cur::kRuntime);
  Expr projection = Any(t, depth - 1, want);
  const std::string where = Where(depth);
  locals_.pop_back();
  return {fmt::format("{}({} for {} in {}{})", fn, projection.text, src.var, src.set, where), false,
          projection.cur};
}

Expr FnGen::Quantifier(int depth) {
  const char* fn = rng_.Chance(1, 2) ? "any" : "all";
  switch (rng_.Below(3)) {
    case 0:
      return {fmt::format("{}({})", fn, Gen(SetOf(Kind::kBool), depth - 1, Cur::kRuntime).text),
              false};
    case 1: {
      Source src = Bind(rng_.Pick(kElementKinds), depth, Cur::kRuntime);
      const std::string cond = Gen(Of(Kind::kBool), depth - 1, Cur::kRuntime).text;
      locals_.pop_back();
      return {fmt::format("{}({} in {} where {})", fn, src.var, src.set, cond), false};
    }
    default: {
      Source src = Bind(rng_.Pick(kElementKinds), depth, Cur::kRuntime);
      const std::string projection = Any(Of(Kind::kBool), depth - 1, Cur::kRuntime).text;
      const std::string where = Where(depth);
      locals_.pop_back();
      return {fmt::format("{}({} for {} in {}{})", fn, projection, src.var, src.set, where), false};
    }
  }
}

// --- set literals ---

// A set literal with at least one non-constant element, or a parameter.
Expr FnGen::Set(GType t, int depth, Cur want) {
  if (rng_.Chance(1, 3)) return Var(t, want);
  const uint64_t n = rng_.Between(1, 4);
  const uint64_t forced = rng_.Below(n);
  std::string text = "{";
  Cur cur = Cur::kRuntime;
  for (uint64_t i = 0; i < n; ++i) {
    const GType e = Of(t.element);
    Expr x =
        i == forced ? Gen(e, depth - 1, Narrow(want, cur)) : Any(e, depth - 1, Narrow(want, cur));
    if (cur == Cur::kRuntime) cur = x.cur;
    if (i > 0) text += ", ";
    text += x.text;
  }
  return {text + "}", false, cur};
}

}  // namespace concord::property::gen
