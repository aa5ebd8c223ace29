// Argument values for a generated fn's parameters, each with its source
// text, for the `// call` line of a regression file.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"
#include "tests/property/generator_internal.h"

namespace concord::property::gen {
namespace {

// --- argument values, with their source text ----------------------------------------

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

}  // namespace

int64_t Args::Int() {
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

values::Decimal Args::Fixed() {
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

Arg Args::Make(GType t) {
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

// A count for one duration part: mostly small, sometimes at the edges.
int64_t Args::Part() {
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

Arg Args::Duration() {
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

Value Args::TextValue(std::string_view literal) {
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

}  // namespace concord::property::gen
