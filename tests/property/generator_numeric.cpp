// FnGen's int, decimal, percent and money expressions: arithmetic,
// mixed int and decimal operands, shares, folds and min/max.
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "tests/property/generator_internal.h"

namespace concord::property::gen {

// --- per type ---

Expr FnGen::Int(int depth) {
  const GType t = Of(Kind::kInt);
  switch (rng_.Below(9)) {
    case 0:
      return Binary(Operands(t, t, depth, Cur::kRuntime), "+");
    case 1:
      return Binary(Operands(t, t, depth, Cur::kRuntime), "-");
    case 2:
      return Binary(Operands(t, t, depth, Cur::kRuntime), "*");
    case 3:
      return Neg(t, depth, Cur::kRuntime);
    case 4:
      return Count(depth);
    case 5:
      return Fold("sum", t, depth, Cur::kRuntime);
    case 6:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", t, depth, Cur::kRuntime);
    case 7:
      return MinMaxPair(t, depth, Cur::kRuntime);
    default:
      return Var(t, Cur::kRuntime);
  }
}

// An int or decimal operand pair of which at least one is a decimal.
std::pair<Expr, Expr> FnGen::Mixed(int depth) {
  const GType i = Of(Kind::kInt);
  const GType d = Of(Kind::kDecimal);
  switch (rng_.Below(3)) {
    case 0:
      return Operands(d, d, depth, Cur::kRuntime);
    case 1:
      return Operands(d, i, depth, Cur::kRuntime, false, true);
    default:
      return Operands(i, d, depth, Cur::kRuntime, true, false);
  }
}

Expr FnGen::Decimal(int depth) {
  const GType i = Of(Kind::kInt);
  const GType d = Of(Kind::kDecimal);
  const GType p = Of(Kind::kPercent);
  const GType m = Of(Kind::kMoney);
  switch (rng_.Below(12)) {
    case 0:
      return Binary(Mixed(depth), "+");
    case 1:
      return Binary(Mixed(depth), "-");
    case 2:
      return Binary(Mixed(depth), "*");
    case 3: {  // percent with an int or decimal, either side
      const GType other = rng_.Chance(1, 2) ? i : d;
      if (rng_.Chance(1, 2)) {
        // The operator first, as g++ drew it (see Literals::Date).
        const char* op = rng_.Chance(1, 2) ? "of" : "*";
        return Binary(Operands(p, other, depth, Cur::kRuntime, false, true), op);
      }
      return Binary(Operands(other, p, depth, Cur::kRuntime, true, false), "*");
    }
    case 4: {  // int / int, int / decimal, ...: never truncated
      const GType a = rng_.Chance(1, 2) ? i : d;
      const GType b = rng_.Chance(1, 2) ? i : d;
      return Binary(Operands(a, b, depth, Cur::kRuntime, true, true), "/");
    }
    case 5:
      return Binary(Operands(m, m, depth, Cur::kRuntime), "/");
    case 6: {  // `25% of {a, b}`: a share of a count
      Expr share = Any(p, depth - 1, Cur::kRuntime);
      Expr set = Gen(SetOf(rng_.Pick(kElementKinds)), depth - 1, Cur::kRuntime);
      return {fmt::format("({} of {})", share.text, set.text), false};
    }
    case 7:
      return Neg(d, depth, Cur::kRuntime);
    case 8:
      return Fold("sum", d, depth, Cur::kRuntime);
    case 9:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", d, depth, Cur::kRuntime);
    case 10:
      return MinMaxPair(d, depth, Cur::kRuntime);
    default:
      return Var(d, Cur::kRuntime);
  }
}

Expr FnGen::Percent(int depth) {
  const GType p = Of(Kind::kPercent);
  switch (rng_.Below(8)) {
    case 0:
      return Binary(Operands(p, p, depth, Cur::kRuntime), "+");
    case 1:
      return Binary(Operands(p, p, depth, Cur::kRuntime), "-");
    case 2: {
      const char* op = rng_.Chance(1, 2) ? "*" : "of";  // first, as g++ drew it
      return Binary(Operands(p, p, depth, Cur::kRuntime), op);
    }
    case 3:
      return Neg(p, depth, Cur::kRuntime);
    case 4:
      return Fold("sum", p, depth, Cur::kRuntime);
    case 5:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", p, depth, Cur::kRuntime);
    case 6:
      return MinMaxPair(p, depth, Cur::kRuntime);
    default:
      return Var(p, Cur::kRuntime);
  }
}

Expr FnGen::Money(int depth, Cur want) {
  const GType m = Of(Kind::kMoney);
  switch (rng_.Below(10)) {
    case 0:
      return Binary(Operands(m, m, depth, want), "+");
    case 1:
      return Binary(Operands(m, m, depth, want), "-");
    case 2: {  // money times int, decimal or percent, either order
      const GType k = Of(rng_.Pick(std::array{Kind::kInt, Kind::kDecimal, Kind::kPercent}));
      if (rng_.Chance(1, 2)) return Binary(Operands(m, k, depth, want, false, true), "*");
      const bool of = k.kind == Kind::kPercent && rng_.Chance(1, 2);
      return Binary(Operands(k, m, depth, want, true, false), of ? "of" : "*");
    }
    case 3: {
      const GType k = Of(rng_.Chance(1, 2) ? Kind::kInt : Kind::kDecimal);
      return Binary(Operands(m, k, depth, want, false, true), "/");
    }
    case 4:
      return Neg(m, depth, want);
    case 5:
      return Fold("sum", m, depth, want);
    case 6:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", m, depth, want);
    case 7:
      return MinMaxPair(m, depth, want);
    default:
      return Var(m, want);
  }
}

}  // namespace concord::property::gen
