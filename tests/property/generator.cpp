#include "tests/property/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>

#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"
#include "tests/property/rng.h"

namespace concord::property {
namespace {

using values::Value;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
// The largest int that still widens to a decimal (about 9.2e12): an int
// literal next to a decimal is widened by sema, and a constant widening
// beyond this is a compile-time error (E0214), not a runtime one.
constexpr int64_t kDecimalSafeInt = kMax / values::Decimal::kScale;

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

GType Of(Kind k) {
  return GType{k, Kind::kBool};
}
GType SetOf(Kind element) {
  return GType{Kind::kSet, element};
}

const char* KindSource(Kind k) {
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

std::string TypeSource(GType t) {
  if (t.kind == Kind::kSet) return fmt::format("set<{}>", KindSource(t.element));
  return KindSource(t.kind);
}

constexpr std::array kElementKinds = {Kind::kInt,  Kind::kDecimal,  Kind::kPercent, Kind::kMoney,
                                      Kind::kDate, Kind::kDuration, Kind::kBool,    Kind::kText};

// The currency sema knows statically. Money from parameters, calls and
// comprehension variables over them is known only at run time (kRuntime),
// combines with anything, and is where R023 mismatches come from.
enum class Cur : uint8_t { kRuntime, kEur, kUsd };

const char* CurCode(Cur c) {
  return c == Cur::kUsd ? "USD" : "EUR";
}
// The requirement for the second operand once the first has currency `c`.
Cur Narrow(Cur want, Cur c) {
  return c == Cur::kRuntime ? want : c;
}

struct Expr {
  std::string text;
  bool constant = false;  // a literal: sema folds it
  Cur cur = Cur::kRuntime;
};

// --- literal text ------------------------------------------------------------

// `12.5`, `0.000001`, `3.0`: a decimal literal always has a point.
std::string DecimalLiteral(uint64_t magnitude_raw) {
  const uint64_t scale = values::Decimal::kScale;
  std::string frac = fmt::format("{:06d}", magnitude_raw % scale);
  while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
  return fmt::format("{}.{}", magnitude_raw / scale, frac);
}

// A percent literal from a fraction in millionths: 250000 is `25%`.
std::string PercentLiteral(uint64_t fraction_raw) {
  std::string frac = fmt::format("{:04d}", fraction_raw % 10000);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (frac.empty()) return fmt::format("{}%", fraction_raw / 10000);
  return fmt::format("{}.{}%", fraction_raw / 10000, frac);
}

// Edge magnitudes of six-digit fixed point numbers (raw millionths).
constexpr std::array<uint64_t, 16> kEdgeRaws = {
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

constexpr std::array<int64_t, 15> kEdgeInts = {0,
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

constexpr std::array<int64_t, 16> kEdgeCounts = {0,  1,  2,  3,   11,  12,   13,     28,
                                                 29, 30, 31, 365, 366, 4800, 100000, 3000000};

constexpr std::array<std::string_view, 8> kTexts = {
    R"("")",  R"("a")",    R"("b")",           R"("no one is turned away")",
    R"("ü")", R"("a\"b")", R"("line\nbreak")", R"("tab\tbed")"};

class Literals {
 public:
  explicit Literals(Rng& rng) : rng_(rng) {}

  uint64_t Raw() {
    switch (rng_.Below(4)) {
      case 0:
        return rng_.Pick(kEdgeRaws);
      case 1:
        return rng_.Below(100) * 250000;  // quarters: exact, and halves for rounding
      case 2:
        return rng_.Below(10'000'000'000ull);
      default:
        return rng_.Next() >> 1;
    }
  }

  std::string Signed(std::string magnitude) {
    if (rng_.Chance(1, 5)) return "(-" + magnitude + ")";
    return magnitude;
  }

  Expr Int(bool decimal_safe) {
    int64_t v = 0;
    switch (rng_.Below(3)) {
      case 0:
        v = rng_.Pick(kEdgeInts);
        break;
      case 1:
        v = rng_.Between(0, 1000);
        break;
      default:
        v = rng_.Between(0, kMax);
        break;
    }
    if (decimal_safe && v > kDecimalSafeInt) v %= kDecimalSafeInt + 1;
    return {Signed(std::to_string(v)), true, Cur::kRuntime};
  }

  Expr Decimal() { return {Signed(DecimalLiteral(Raw())), true, Cur::kRuntime}; }

  Expr Percent() {
    // A percent literal's number must itself fit a decimal: at most ~9.2e12%.
    uint64_t raw = Raw();
    if (raw > 92233720368547758ull) raw %= 92233720368547758ull;
    return {Signed(PercentLiteral(raw)), true, Cur::kRuntime};
  }

  Expr Money(Cur want) {
    const Cur cur = want != Cur::kRuntime ? want : (rng_.Chance(1, 4) ? Cur::kUsd : Cur::kEur);
    return {Signed(DecimalLiteral(Raw()) + " " + CurCode(cur)), true, cur};
  }

  Expr Date() {
    static constexpr std::array<std::string_view, 7> kEdges = {
        "0001-01-01", "9999-12-31", "2028-02-29", "2027-01-31",
        "2026-12-31", "9999-01-31", "2026-11-01"};
    if (rng_.Chance(1, 3)) return {std::string(rng_.Pick(kEdges)), true, Cur::kRuntime};
    const bool ordinary = rng_.Chance(4, 5);
    const int64_t year = ordinary ? rng_.Between(1900, 2100) : rng_.Between(1, 9999);
    const int month = static_cast<int>(rng_.Between(1, 12));
    const int day = static_cast<int>(rng_.Between(1, 28));
    return {fmt::format("{:04d}-{:02d}-{:02d}", year, month, day), true, Cur::kRuntime};
  }

  Expr Duration() {
    static constexpr std::array<std::string_view, 5> kUnits = {"days", "weeks", "months", "years",
                                                               "lunar months"};
    const int64_t count = rng_.Chance(3, 4) ? rng_.Pick(kEdgeCounts) : rng_.Between(0, 1000);
    return {Signed(fmt::format("{} {}", count, rng_.Pick(kUnits))), true, Cur::kRuntime};
  }

  Expr Bool() { return {rng_.Chance(1, 2) ? "true" : "false", true, Cur::kRuntime}; }
  Expr Text() { return {std::string(rng_.Pick(kTexts)), true, Cur::kRuntime}; }

 private:
  Rng& rng_;
};

// --- argument values, with their source text ----------------------------------------

struct Arg {
  Value value;
  std::string source;
};

std::string IntSource(int64_t v) {
  if (v == kMin) return "-9223372036854775807 - 1";  // no literal spells it
  return std::to_string(v);
}

std::string DecimalSource(values::Decimal d) {
  // Always with a point: `{3}` would be a set<int>, which is no set<decimal>.
  if (d.raw() == kMin) return "-9223372036854.775807 - 0.000001";
  if (d.raw() < 0) return "-" + DecimalLiteral(static_cast<uint64_t>(-d.raw()));
  return DecimalLiteral(static_cast<uint64_t>(d.raw()));
}

class Args {
 public:
  explicit Args(Rng& rng) : rng_(rng) {}

  int64_t Int() {
    switch (rng_.Below(4)) {
      case 0: {
        const int64_t v = rng_.Pick(kEdgeInts);
        return rng_.Chance(1, 3) ? -v : v;
      }
      case 1:
        return rng_.Chance(1, 8) ? kMin : rng_.Between(-2, 2);
      case 2:
        return rng_.Between(-1000, 1000);
      default:
        return rng_.Between(kMin, kMax);
    }
  }

  values::Decimal Fixed() {
    int64_t raw = 0;
    switch (rng_.Below(4)) {
      case 0: {
        raw = static_cast<int64_t>(rng_.Pick(kEdgeRaws));
        if (rng_.Chance(1, 3)) raw = rng_.Chance(1, 8) ? kMin : -raw;
        break;
      }
      case 1:
        raw = rng_.Between(-40, 40) * 250000;
        break;
      case 2:
        raw = rng_.Between(-10'000'000'000, 10'000'000'000);
        break;
      default:
        raw = rng_.Between(kMin, kMax);
        break;
    }
    return values::Decimal::FromRaw(raw);
  }

  Arg Make(GType t) {
    switch (t.kind) {
      case Kind::kBool: {
        const bool b = rng_.Chance(1, 2);
        return {Value::MakeBool(b), b ? "true" : "false"};
      }
      case Kind::kInt: {
        const int64_t v = Int();
        return {Value::MakeInt(v), IntSource(v)};
      }
      case Kind::kDecimal: {
        const values::Decimal d = Fixed();
        return {Value::MakeDecimal(d), DecimalSource(d)};
      }
      case Kind::kPercent: {
        // Percent literals top out near 9.2e12%, a fraction of 9.2e10.
        int64_t raw = Fixed().raw();
        constexpr int64_t kLimit = 92233720368547758;
        if (raw > kLimit || raw < -kLimit) raw %= kLimit;
        const auto fraction = values::Decimal::FromRaw(raw);
        return {Value::MakePercent(fraction), values::PercentToString(fraction)};
      }
      case Kind::kMoney: {
        const values::Decimal amount = Fixed();
        const char* code = rng_.Chance(1, 5) ? "USD" : "EUR";
        values::Money m{amount, *values::Currency::Parse(code)};
        std::string source = amount.raw() == kMin
                                 ? fmt::format("-9223372036854.775807 {0} - 0.000001 {0}", code)
                                 : m.ToString();
        return {Value::MakeMoney(m), source};
      }
      case Kind::kDate: {
        int64_t year = rng_.Chance(5, 6) ? rng_.Between(1900, 2100) : rng_.Between(1, 9999);
        // Two draws in one argument list run in an unspecified order (g++
        // drew the day first, clang the month), and a seed must name the
        // same program whatever compiled the generator: one draw per
        // statement, in g++'s order, which the saved regressions were made
        // with. Found when the sanitizer build moved to clang.
        const int day = static_cast<int>(rng_.Between(1, 31));
        const int month = static_cast<int>(rng_.Between(1, 12));
        auto date = values::Date::FromCivil(year, month, day);
        if (!date) date = values::Date::FromCivil(year, 2, 28);
        if (rng_.Chance(1, 10)) date = values::Date::FromCivil(9999, 12, 31);
        return {Value::MakeDate(*date), date->ToString()};
      }
      case Kind::kDuration:
        return Duration();
      case Kind::kText: {
        const std::string_view text = rng_.Pick(kTexts);
        return {TextValue(text), std::string(text)};
      }
      case Kind::kSet: {
        std::vector<Value> elements;
        std::string source = "{";
        // Mostly small, sometimes long enough for sums to overflow on the way.
        const uint64_t n = rng_.Chance(1, 5)    ? 0
                           : rng_.Chance(1, 10) ? rng_.Between(5, 40)
                                                : rng_.Between(1, 4);
        for (uint64_t i = 0; i < n; ++i) {
          Arg a = Make(Of(t.element));
          elements.push_back(std::move(a.value));
          if (i > 0) source += ", ";
          // Through a fn, so a set may mix EUR and USD without E0205.
          source += t.element == Kind::kMoney ? "property_money(" + a.source + ")" : a.source;
        }
        return {values::MakeSetValue(std::move(elements)), source + "}"};
      }
    }
    return {};
  }

 private:
  // A count for one duration part: mostly small, sometimes at the edges.
  int64_t Part() {
    switch (rng_.Below(6)) {
      case 0:
      case 1:
        return 0;
      case 2:
        return rng_.Between(-3, 40);
      case 3: {
        const int64_t v = rng_.Pick(kEdgeCounts);
        return rng_.Chance(1, 4) ? -v : v;
      }
      case 4:
        return rng_.Between(-400, 400);
      default:
        return rng_.Chance(1, 2) ? kMax : rng_.Between(-kMax, kMax);
    }
  }

  Arg Duration() {
    values::Duration d;
    d.months = Part();
    d.lunar_months = rng_.Chance(1, 3) ? Part() : 0;
    d.days = Part();
    std::string source;
    auto add = [&](int64_t count, std::string_view unit) {
      if (count == 0) return;
      if (!source.empty()) source += " + ";
      source += fmt::format("{} {}", count, unit);
    };
    add(d.months, "months");
    add(d.lunar_months, "lunar months");
    add(d.days, "days");
    if (source.empty()) source = "0 days";
    return {Value::MakeDuration(d), source};
  }

  static Value TextValue(std::string_view literal) {
    std::string out;
    for (size_t i = 1; i + 1 < literal.size(); ++i) {
      if (literal[i] == '\\') {
        const char e = literal[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += literal[i];
      }
    }
    return Value::MakeText(out);
  }

  Rng& rng_;
};

// --- expressions ------------------------------------------------------------------

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

  std::string Signature() const {
    std::string out;
    for (size_t i = 0; i < params_.size(); ++i) {
      if (i > 0) out += ", ";
      out += params_[i].name + ": " + TypeSource(params_[i].type);
    }
    return out;
  }

  // A literal or (more often) a non-constant expression.
  Expr Any(GType t, int depth, Cur want, bool decimal_safe = false) {
    if (t.kind != Kind::kSet && rng_.Chance(1, depth <= 0 ? 2 : 4)) {
      return Literal(t, want, decimal_safe);
    }
    return Gen(t, depth, want);
  }

  // A non-constant expression: it reads a parameter, a comprehension
  // variable or a call somewhere, so sema cannot fold it.
  Expr Gen(GType t, int depth, Cur want, bool top = false) {
    Expr e = Compose(t, depth, want, top);
    // Only money carries a currency: a ratio `a / b` of EUR amounts is a
    // plain decimal and must not bind the currency of what it multiplies.
    const bool money =
        t.kind == Kind::kMoney || (t.kind == Kind::kSet && t.element == Kind::kMoney);
    if (!money) e.cur = Cur::kRuntime;
    return e;
  }

 private:
  Expr Compose(GType t, int depth, Cur want, bool top) {
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

  Expr Literal(GType t, Cur want, bool decimal_safe) {
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

  Expr Var(GType t, Cur want) {
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
  std::pair<Expr, Expr> Operands(GType a, GType b, int depth, Cur want, bool safe_a = false,
                                 bool safe_b = false) {
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

  static Expr Binary(const std::pair<Expr, Expr>& xy, std::string_view op) {
    const Cur cur = xy.first.cur != Cur::kRuntime ? xy.first.cur : xy.second.cur;
    return {fmt::format("({} {} {})", xy.first.text, op, xy.second.text), false, cur};
  }

  Expr Neg(GType t, int depth, Cur want) {
    Expr x = Gen(t, depth - 1, want);
    return {"(-" + x.text + ")", false, x.cur};
  }

  Expr If(GType t, int depth, Cur want) {
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

  Expr MinMaxPair(GType t, int depth, Cur want) {
    auto xy = Operands(t, t, depth, want);
    const Cur cur = xy.first.cur != Cur::kRuntime ? xy.first.cur : xy.second.cur;
    return {
        fmt::format("{}({}, {})", rng_.Chance(1, 2) ? "min" : "max", xy.first.text, xy.second.text),
        false, cur};
  }

  // A helper fn of its own, with its own parameters, called with arguments
  // from here: the Call op, and money whose currency only the callee knows.
  // A money result has a run-time currency, which fits any requirement.
  Expr Call(GType t, int depth) {
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

  // --- comprehensions ---

  struct Source {
    std::string var;
    std::string set;
  };

  // Binds a fresh variable over a set of `element`; the caller pops it.
  Source Bind(Kind element, int depth, Cur want) {
    Expr set = Gen(SetOf(element), depth - 1, element == Kind::kMoney ? want : Cur::kRuntime);
    std::string var = fmt::format("v{}", s_.next_local++);
    locals_.push_back({var, Of(element), set.cur});
    return {var, set.text};
  }

  std::string Where(int depth) {
    if (!rng_.Chance(2, 3)) return "";
    return " where " + Gen(Of(Kind::kBool), depth - 1, Cur::kRuntime).text;
  }

  Expr Count(int depth) {
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
  Expr Fold(std::string_view fn, GType t, int depth, Cur want) {
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
    return {fmt::format("{}({} for {} in {}{})", fn, projection.text, src.var, src.set, where),
            false, projection.cur};
  }

  Expr Quantifier(int depth) {
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
        return {fmt::format("{}({} for {} in {}{})", fn, projection, src.var, src.set, where),
                false};
      }
    }
  }

  // --- per type ---

  Expr Int(int depth) {
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
  std::pair<Expr, Expr> Mixed(int depth) {
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

  Expr Decimal(int depth) {
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

  Expr Percent(int depth) {
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

  Expr Money(int depth, Cur want) {
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

  Expr Date(int depth) {
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

  Expr Duration(int depth) {
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

  Expr Compare(int depth) {
    static constexpr std::array<std::string_view, 6> kOps = {"<", "<=", ">", ">=", "==", "!="};
    const Kind k = rng_.Pick(kElementKinds);
    const bool ordered = k != Kind::kBool && k != Kind::kText;
    const std::string_view op = ordered ? rng_.Pick(kOps) : kOps[4 + rng_.Below(2)];
    if (k == Kind::kDecimal && rng_.Chance(1, 3)) return Binary(Mixed(depth), op);
    return Binary(Operands(Of(k), Of(k), depth, Cur::kRuntime), op);
  }

  Expr Bool(int depth) {
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

  // A set literal with at least one non-constant element, or a parameter.
  Expr Set(GType t, int depth, Cur want) {
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

  CaseState& s_;
  Rng& rng_;
  Literals lit_;
  std::string param_prefix_;
  std::vector<Variable> params_;
  std::vector<Variable> locals_;
};

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
  // Literals::Date above).
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
