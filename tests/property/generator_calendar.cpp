// FnGen's date and duration expressions: calendar arithmetic, differences
// of dates, folds and min/max.
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "tests/property/generator_internal.h"

namespace concord::property::gen {

Expr FnGen::Date(int depth) {
  const GType date = Of(Kind::kDate);
  const GType dur = Of(Kind::kDuration);
  switch (rng_.Below(6)) {
    case 0:
      return Binary(Operands(date, dur, depth, Cur::kRuntime), "+");
    case 1:
      return Binary(Operands(date, dur, depth, Cur::kRuntime), "-");
    case 2:
      return Binary(Operands(dur, date, depth, Cur::kRuntime), "+");
    case 3:
      return MinMaxPair(date, depth, Cur::kRuntime);
    case 4:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", date, depth, Cur::kRuntime);
    default:
      return Var(date, Cur::kRuntime);
  }
}

Expr FnGen::Duration(int depth) {
  const GType dur = Of(Kind::kDuration);
  const GType i = Of(Kind::kInt);
  switch (rng_.Below(10)) {
    case 0:
      return Binary(Operands(dur, dur, depth, Cur::kRuntime), "+");
    case 1:
      return Binary(Operands(dur, dur, depth, Cur::kRuntime), "-");
    case 2:
      return Binary(Operands(dur, i, depth, Cur::kRuntime), "*");
    case 3:
      return Binary(Operands(i, dur, depth, Cur::kRuntime), "*");
    case 4:
      return Binary(Operands(Of(Kind::kDate), Of(Kind::kDate), depth, Cur::kRuntime), "-");
    case 5:
      return Neg(dur, depth, Cur::kRuntime);
    case 6:
      return Fold("sum", dur, depth, Cur::kRuntime);
    case 7:
      return Fold(rng_.Chance(1, 2) ? "min" : "max", dur, depth, Cur::kRuntime);
    case 8:
      return MinMaxPair(dur, depth, Cur::kRuntime);
    default:
      return Var(dur, Cur::kRuntime);
  }
}

}  // namespace concord::property::gen
