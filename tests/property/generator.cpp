// GenerateCase and CallComment: a case's result type, its fn (and helpers)
// from FnGen, its arguments and its anchor date, drawn in that order. The
// pieces are declared in generator_internal.h.
#include "tests/property/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>

#include "tests/property/generator_internal.h"
#include "tests/property/rng.h"

namespace concord::property {
namespace {

using gen::Arg;
using gen::Args;
using gen::CaseState;
using gen::Cur;
using gen::Expr;
using gen::FnGen;
using gen::GType;
using gen::kElementKinds;
using gen::Kind;
using gen::Of;
using gen::SetOf;
using gen::TypeSource;
using gen::Variable;

GType ResultType(Rng& rng) {
  if (rng.Chance(1, 10)) return SetOf(rng.Pick(kElementKinds));
  static constexpr std::array kResults = {
      Kind::kBool,  Kind::kBool, Kind::kInt,      Kind::kDecimal,  Kind::kPercent, Kind::kMoney,
      Kind::kMoney, Kind::kDate, Kind::kDuration, Kind::kDuration, Kind::kText};
  return Of(rng.Pick(kResults));
}

values::Date Anchor(Rng& rng) {
  if (rng.Chance(1, 20)) return *values::Date::FromCivil(9999, 12, 1);
  if (rng.Chance(1, 20)) return *values::Date::FromCivil(rng.Between(1, 9999), 1, 31);
  // One draw per statement, in the order g++ evaluated the arguments (see
  // Literals::Date in generator_literals.cpp).
  const int day = static_cast<int>(rng.Between(1, 28));
  const int month = static_cast<int>(rng.Between(1, 12));
  const int64_t year = rng.Between(1950, 2100);
  return *values::Date::FromCivil(year, month, day);
}

}  // namespace

Case GenerateCase(uint64_t seed, uint64_t index, const GeneratorOptions& options) {
  Rng rng(CaseSeed(seed, index));
  const GType result = ResultType(rng);
  // A bare parameter tests little and costs a JIT function: start at depth
  // 2, and draw again (a few times) when the body is just a name.
  CaseState state{rng, options, index, {}, 0};
  std::unique_ptr<FnGen> gen;
  Expr body;
  for (int attempt = 0; attempt < 4; ++attempt) {
    state.helpers.clear();
    state.next_local = 0;
    gen = std::make_unique<FnGen>(state, "p");
    const int depth =
        static_cast<int>(rng.Between(std::min(2, options.max_depth), options.max_depth));
    body = gen->Gen(result, depth, Cur::kRuntime, /*top=*/true);
    if (body.text.find_first_of("( ") != std::string::npos) break;
  }

  Case c;
  c.index = index;
  c.fn_name = fmt::format("f_{}", index);
  for (const std::string& helper : state.helpers) c.source += helper;
  c.source += fmt::format("fn {}({}) -> {} = {}\n", c.fn_name, gen->Signature(), TypeSource(result),
                          body.text);
  Args args(rng);
  for (const Variable& p : gen->params()) {
    Arg a = args.Make(p.type);
    c.args.push_back(std::move(a.value));
    c.arg_sources.push_back(std::move(a.source));
  }
  c.anchor = Anchor(rng);
  return c;
}

std::string CallComment(const Case& c) {
  std::string out = fmt::format("// call {} at {}", c.fn_name, c.anchor.ToString());
  for (size_t i = 0; i < c.arg_sources.size(); ++i) {
    out += (i == 0 ? " with " : " | ") + c.arg_sources[i];
  }
  return out + "\n";
}

}  // namespace concord::property
