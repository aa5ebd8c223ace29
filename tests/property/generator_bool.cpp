// FnGen's bool expressions: not, and, or, comparisons of every element
// type, equality of sets, quantifiers.
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "tests/property/generator_internal.h"

namespace concord::property::gen {

Expr FnGen::Compare(int depth) {
  static constexpr std::array<std::string_view, 6> kOps = {"<", "<=", ">", ">=", "==", "!="};
  const Kind k = rng_.Pick(kElementKinds);
  const bool ordered = k != Kind::kBool && k != Kind::kText;
  const std::string_view op = ordered ? rng_.Pick(kOps) : kOps[4 + rng_.Below(2)];
  if (k == Kind::kDecimal && rng_.Chance(1, 3)) return Binary(Mixed(depth), op);
  return Binary(Operands(Of(k), Of(k), depth, Cur::kRuntime), op);
}

Expr FnGen::Bool(int depth) {
  const GType b = Of(Kind::kBool);
  switch (rng_.Below(9)) {
    case 0: {
      Expr x = Gen(b, depth - 1, Cur::kRuntime);
      return {"(not " + x.text + ")", false};
    }
    case 1:
      return Binary(Operands(b, b, depth, Cur::kRuntime), "and");
    case 2:
      return Binary(Operands(b, b, depth, Cur::kRuntime), "or");
    case 3:
    case 4:
    case 5:
      return Compare(depth);
    case 6: {  // equality of sets
      const Kind k = rng_.Pick(kElementKinds);
      const char* op = rng_.Chance(1, 2) ? "==" : "!=";  // first, as g++ drew it
      return Binary(Operands(SetOf(k), SetOf(k), depth, Cur::kRuntime), op);
    }
    case 7:
      return Quantifier(depth);
    default:
      return Var(b, Cur::kRuntime);
  }
}

}  // namespace concord::property::gen
