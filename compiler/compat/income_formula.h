// A contribution formula (a fund's `contribution ...`, a charter's `accept
// contribution at most ...`) as a Z3 term over exact rationals. The formula
// is the same IR the runtime's interpreter evaluates, so the solver and the
// interpreter read one definition; the solver only sees what is linear or
// piecewise-linear in `income` (constants, + - *, division, min/max, if,
// comparisons, calls of `fn`s) and refuses anything else with a reason.
#pragma once

#include <z3++.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"

namespace concord::compat {

struct EncodeResult {
  std::optional<z3::expr> term;
  std::string unsupported;  // why there is no term: "reads `members`"
};

class IncomeEncoder {
 public:
  // `income` is the Real the formulas are functions of.
  IncomeEncoder(z3::context& ctx, z3::expr income) : ctx_(ctx), income_(std::move(income)) {}

  // The root's input 0 is `income`.
  EncodeResult Encode(const ir::Root& root);

  // Currencies of the money constants seen so far, in order of appearance.
  const std::vector<std::string>& currencies() const { return currencies_; }

  // A value from values/decimal.h (six fractional digits) as an exact rational.
  static z3::expr Rational(z3::context& ctx, int64_t raw_decimal);

 private:
  std::optional<z3::expr> Node(const ir::Node& node, const std::vector<z3::expr>& params);
  std::optional<z3::expr> Constant(const values::Value& value);
  void NoteCurrency(std::string code);

  z3::context& ctx_;
  z3::expr income_;
  std::vector<std::string> currencies_;
  std::string unsupported_;
  int depth_ = 0;
};

}  // namespace concord::compat
