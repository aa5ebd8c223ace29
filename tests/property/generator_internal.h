// The generator's private declarations, shared by its files (the public API
// is generator.h):
//   generator_literals.cpp  literal text: decimals, percents, every type's literals
//   generator_args.cpp      argument values, with their source text
//   generator_fn.cpp        FnGen: any expression, variables, operands, `if`, calls
//   generator_sets.cpp      FnGen: set literals and comprehensions
//   generator_numeric.cpp   FnGen: int, decimal, percent and money expressions
//   generator_calendar.cpp  FnGen: date and duration expressions
//   generator_bool.cpp      FnGen: bool expressions and comparisons
//   generator.cpp           GenerateCase (result type, anchor date) and CallComment
#pragma once

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/values/decimal.h"
#include "runtime/values/value.h"
#include "tests/property/generator.h"
#include "tests/property/rng.h"

namespace concord::property::gen {

using values::Value;

inline constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
inline constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
// The largest int that still widens to a decimal (about 9.2e12): an int
// literal next to a decimal is widened by sema, and a constant widening
// beyond this is a compile-time error (E0214), not a runtime one.
inline constexpr int64_t kDecimalSafeInt = kMax / values::Decimal::kScale;

enum class Kind : uint8_t {
  kBool,
  kInt,
  kDecimal,
  kPercent,
  kMoney,
  kDate,
  kDuration,
  kText,
  kSet
};

struct GType {
  Kind kind = Kind::kBool;
  Kind element = Kind::kBool;  // kSet only
  friend bool operator==(const GType&, const GType&) = default;
};

inline GType Of(Kind k) {
  return GType{k, Kind::kBool};
}
inline GType SetOf(Kind element) {
  return GType{Kind::kSet, element};
}

inline const char* KindSource(Kind k) {
  switch (k) {
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kDecimal:
      return "decimal";
    case Kind::kPercent:
      return "percent";
    case Kind::kMoney:
      return "money";
    case Kind::kDate:
      return "date";
    case Kind::kDuration:
      return "duration";
    case Kind::kText:
      return "text";
    case Kind::kSet:
      return "set";
  }
  return "?";
}

inline std::string TypeSource(GType t) {
  if (t.kind == Kind::kSet) return fmt::format("set<{}>", KindSource(t.element));
  return KindSource(t.kind);
}

inline constexpr std::array kElementKinds = {Kind::kInt,   Kind::kDecimal, Kind::kPercent,
                                             Kind::kMoney, Kind::kDate,    Kind::kDuration,
                                             Kind::kBool,  Kind::kText};

// The currency sema knows statically. Money from parameters, calls and
// comprehension variables over them is known only at run time (kRuntime),
// combines with anything, and is where R023 mismatches come from.
enum class Cur : uint8_t { kRuntime, kEur, kUsd };

inline const char* CurCode(Cur c) {
  return c == Cur::kUsd ? "USD" : "EUR";
}
// The requirement for the second operand once the first has currency `c`.
inline Cur Narrow(Cur want, Cur c) {
  return c == Cur::kRuntime ? want : c;
}

struct Expr {
  std::string text;
  bool constant = false;  // a literal: sema folds it
  Cur cur = Cur::kRuntime;
};

// --- literal text (generator_literals.cpp) ------------------------------------

// `12.5`, `0.000001`, `3.0`: a decimal literal always has a point.
std::string DecimalLiteral(uint64_t magnitude_raw);

// A percent literal from a fraction in millionths: 250000 is `25%`.
std::string PercentLiteral(uint64_t fraction_raw);

// Edge magnitudes of six-digit fixed point numbers (raw millionths).
inline constexpr std::array<uint64_t, 16> kEdgeRaws = {
    0,                    // zero (and `-0.0`)
    1,                    // 0.000001
    5,                    // 0.000005: halves round to even in products
    500000,               // 0.5
    2500000,              // 2.5
    3500000,              // 3.5
    1000000,              // 1
    1000001,              // 1.000001
    3000000,              // 3: thirds do not terminate
    3037000499975,        // ~sqrt of the range: products near the limit
    3037000500000,        //
    9200000000000000000,  // 9.2e12
    9223372036854775807,  // the largest decimal
    9223372036854775806,  //
    1000000000000000000,  // 1e12
    999999,               // 0.999999
};

inline constexpr std::array<int64_t, 15> kEdgeInts = {0,
                                                      1,
                                                      2,
                                                      3,
                                                      7,
                                                      100,
                                                      3037000499,
                                                      3037000500,
                                                      4611686018427387904,
                                                      9223372036854775807,
                                                      9223372036854775806,
                                                      9223372036854,
                                                      9223372036855,
                                                      1000000,
                                                      86400};

inline constexpr std::array<int64_t, 16> kEdgeCounts = {
    0, 1, 2, 3, 11, 12, 13, 28, 29, 30, 31, 365, 366, 4800, 100000, 3000000};

inline constexpr std::array<std::string_view, 8> kTexts = {
    R"("")",  R"("a")",    R"("b")",           R"("no one is turned away")",
    R"("ü")", R"("a\"b")", R"("line\nbreak")", R"("tab\tbed")"};

class Literals {
 public:
  explicit Literals(Rng& rng) : rng_(rng) {}

  uint64_t Raw();
  std::string Signed(std::string magnitude);
  Expr Int(bool decimal_safe);
  Expr Decimal();
  Expr Percent();
  Expr Money(Cur want);
  Expr Date();
  Expr Duration();
  Expr Bool();
  Expr Text();

 private:
  Rng& rng_;
};

// --- argument values, with their source text (generator_args.cpp) -------------

struct Arg {
  Value value;
  std::string source;
};

class Args {
 public:
  explicit Args(Rng& rng) : rng_(rng) {}

  int64_t Int();
  values::Decimal Fixed();
  Arg Make(GType t);

 private:
  // A count for one duration part: mostly small, sometimes at the edges.
  int64_t Part();
  Arg Duration();
  static Value TextValue(std::string_view literal);

  Rng& rng_;
};

// --- expressions ----------------------------------------------------------------

struct Variable {
  std::string name;
  GType type;
  Cur cur = Cur::kRuntime;
};

// Shared by a case's fn and its helpers.
struct CaseState {
  Rng& rng;
  const GeneratorOptions& options;
  uint64_t index;
  std::vector<std::string> helpers;  // declarations, callees first
  int next_local = 0;
};

class FnGen {
 public:
  FnGen(CaseState& state, std::string param_prefix)
      : s_(state), rng_(state.rng), lit_(state.rng), param_prefix_(std::move(param_prefix)) {}

  const std::vector<Variable>& params() const { return params_; }

  // generator_fn.cpp
  std::string Signature() const;

  // A literal or (more often) a non-constant expression.
  Expr Any(GType t, int depth, Cur want, bool decimal_safe = false);

  // A non-constant expression: it reads a parameter, a comprehension
  // variable or a call somewhere, so sema cannot fold it.
  Expr Gen(GType t, int depth, Cur want, bool top = false);

 private:
  // generator_fn.cpp
  Expr Compose(GType t, int depth, Cur want, bool top);
  Expr Literal(GType t, Cur want, bool decimal_safe);
  Expr Var(GType t, Cur want);
  // Two operands of which at least one is not constant.
  std::pair<Expr, Expr> Operands(GType a, GType b, int depth, Cur want, bool safe_a = false,
                                 bool safe_b = false);
  static Expr Binary(const std::pair<Expr, Expr>& xy, std::string_view op);
  Expr Neg(GType t, int depth, Cur want);
  Expr If(GType t, int depth, Cur want);
  Expr MinMaxPair(GType t, int depth, Cur want);
  // A helper fn of its own, with its own parameters, called with arguments
  // from here: the Call op, and money whose currency only the callee knows.
  // A money result has a run-time currency, which fits any requirement.
  Expr Call(GType t, int depth);

  // generator_sets.cpp: comprehensions
  struct Source {
    std::string var;
    std::string set;
  };

  // Binds a fresh variable over a set of `element`; the caller pops it.
  Source Bind(Kind element, int depth, Cur want);
  std::string Where(int depth);
  Expr Count(int depth);
  // sum, min or max over a set of `element`, projected to `t` or not.
  Expr Fold(std::string_view fn, GType t, int depth, Cur want);
  Expr Quantifier(int depth);

  // --- per type ---

  // generator_numeric.cpp
  Expr Int(int depth);
  // An int or decimal operand pair of which at least one is a decimal.
  std::pair<Expr, Expr> Mixed(int depth);
  Expr Decimal(int depth);
  Expr Percent(int depth);
  Expr Money(int depth, Cur want);

  // generator_calendar.cpp
  Expr Date(int depth);
  Expr Duration(int depth);

  // generator_bool.cpp
  Expr Compare(int depth);
  Expr Bool(int depth);

  // generator_sets.cpp
  // A set literal with at least one non-constant element, or a parameter.
  Expr Set(GType t, int depth, Cur want);

  CaseState& s_;
  Rng& rng_;
  Literals lit_;
  std::string param_prefix_;
  std::vector<Variable> params_;
  std::vector<Variable> locals_;
};

}  // namespace concord::property::gen
