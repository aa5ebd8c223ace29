// The literal text of every generated type: decimal and percent spellings,
// and the Literals class, which draws a literal of a type (edge values
// included) for FnGen.
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>

#include "runtime/values/decimal.h"
#include "tests/property/generator_internal.h"

namespace concord::property::gen {

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

uint64_t Literals::Raw() {
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

std::string Literals::Signed(std::string magnitude) {
  if (rng_.Chance(1, 5)) return "(-" + magnitude + ")";
  return magnitude;
}

Expr Literals::Int(bool decimal_safe) {
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

Expr Literals::Decimal() {
  return {Signed(DecimalLiteral(Raw())), true, Cur::kRuntime};
}

Expr Literals::Percent() {
  // A percent literal's number must itself fit a decimal: at most ~9.2e12%.
  uint64_t raw = Raw();
  if (raw > 92233720368547758ull) raw %= 92233720368547758ull;
  return {Signed(PercentLiteral(raw)), true, Cur::kRuntime};
}

Expr Literals::Money(Cur want) {
  const Cur cur = want != Cur::kRuntime ? want : (rng_.Chance(1, 4) ? Cur::kUsd : Cur::kEur);
  return {Signed(DecimalLiteral(Raw()) + " " + CurCode(cur)), true, cur};
}

Expr Literals::Date() {
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

Expr Literals::Duration() {
  static constexpr std::array<std::string_view, 5> kUnits = {"days", "weeks", "months", "years",
                                                             "lunar months"};
  const int64_t count = rng_.Chance(3, 4) ? rng_.Pick(kEdgeCounts) : rng_.Between(0, 1000);
  return {Signed(fmt::format("{} {}", count, rng_.Pick(kUnits))), true, Cur::kRuntime};
}

Expr Literals::Bool() {
  return {rng_.Chance(1, 2) ? "true" : "false", true, Cur::kRuntime};
}
Expr Literals::Text() {
  return {std::string(rng_.Pick(kTexts)), true, Cur::kRuntime};
}

}  // namespace concord::property::gen
