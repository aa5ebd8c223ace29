// Tests of runtime/values/decimal: parsing at the edges of the int64 range and
// of the six-digit scale, half-even rounding of products and quotients, and
// checked arithmetic that reports overflow and division by zero.
#include "runtime/values/decimal.h"

#include <catch2/catch.hpp>
#include <limits>
#include <type_traits>

#include "runtime/values/date.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"

namespace concord::values {
namespace {

constexpr int64_t kMaxRaw = std::numeric_limits<int64_t>::max();
constexpr int64_t kMinRaw = std::numeric_limits<int64_t>::min();

Decimal D(std::string_view text) {
  std::optional<Decimal> d = Decimal::Parse(text);
  INFO("parsing " << text);
  REQUIRE(d.has_value());
  return *d;
}

std::string ParseError(std::string_view text) {
  std::string error;
  std::optional<Decimal> d = Decimal::Parse(text, &error);
  INFO("parsing " << text);
  REQUIRE_FALSE(d.has_value());
  return error;
}

// The canonical text of a checked result, or the failure's name, so one
// CHECK shows both the value and why there is none.
std::string Show(const Checked<Decimal>& r) {
  if (r.ok()) return r.value->ToString();
  return r.error == ArithError::kOverflow ? "overflow" : "division by zero";
}

std::string Show(const Checked<int64_t>& r) {
  if (r.ok()) return std::to_string(*r.value);
  return r.error == ArithError::kOverflow ? "overflow" : "division by zero";
}

// Callers pick an operation with `subtract ? values::Sub : values::Add`, which
// only compiles while these names are not overloaded anywhere in values/
// (hence the includes below; Money and Duration arithmetic are members).
static_assert(std::is_same_v<decltype(&Add), Checked<Decimal> (*)(Decimal, Decimal)>);
static_assert(std::is_same_v<decltype(&Sub), Checked<Decimal> (*)(Decimal, Decimal)>);

TEST_CASE("decimal parses integers, fractions and signs", "[decimal]") {
  CHECK(D("12").raw() == 12'000'000);
  CHECK(D("12.5").raw() == 12'500'000);
  CHECK(D("-0.000001").raw() == -1);
  CHECK(D("+3").raw() == 3'000'000);
  CHECK(D("0").raw() == 0);
  CHECK(D("-0").raw() == 0);
  CHECK(D("007.50").raw() == 7'500'000);
}

TEST_CASE("decimal parses the extremes of the scaled int64 range", "[decimal]") {
  CHECK(D("9223372036854.775807").raw() == kMaxRaw);
  CHECK(D("-9223372036854.775808").raw() == kMinRaw);
  CHECK(D("9223372036854").raw() == 9'223'372'036'854'000'000);
  CHECK(ParseError("9223372036854.775808") == "the number is too large");
  CHECK(ParseError("-9223372036854.775809") == "the number is too large");
  CHECK(ParseError("9223372036855") == "the number is too large");
  // Far too many digits must fail cleanly rather than wrap the accumulator.
  CHECK(ParseError(std::string(400, '9')) == "the number is too large");
}

TEST_CASE("decimal keeps six fractional digits and refuses a seventh", "[decimal]") {
  CHECK(D("0.123456").raw() == 123'456);
  CHECK(ParseError("0.1234567") == "more than 6 fractional digits");
  CHECK(ParseError("0.0000001") == "more than 6 fractional digits");
  // Zeros past the sixth digit change nothing, so they are exact and accepted.
  CHECK(D("0.1234560").raw() == 123'456);
  CHECK(D("1.000000000000").raw() == 1'000'000);
  CHECK(ParseError("1.0000000001") == "more than 6 fractional digits");
}

TEST_CASE("decimal rejects malformed text with a reason", "[decimal]") {
  CHECK(ParseError("") == "expected a digit");
  CHECK(ParseError("-") == "expected a digit");
  CHECK(ParseError(".5") == "expected a digit");
  CHECK(ParseError("1.") == "expected a digit after the decimal point");
  CHECK(ParseError("1.2.3") == "unexpected character in number");
  CHECK(ParseError("12 ") == "unexpected character in number");
  CHECK(ParseError("1e3") == "unexpected character in number");
  CHECK_FALSE(Decimal::Parse("--1").has_value());
}

TEST_CASE("decimal text is canonical and ToFixed rounds half to even", "[decimal]") {
  CHECK(D("2.50").ToString() == "2.5");
  CHECK(D("-3.000").ToString() == "-3");
  CHECK(D("0.000001").ToString() == "0.000001");
  CHECK(Decimal::FromRaw(kMaxRaw).ToString() == "9223372036854.775807");
  CHECK(Decimal::FromRaw(kMinRaw).ToString() == "-9223372036854.775808");

  CHECK(D("52").ToFixed(2) == "52.00");
  CHECK(D("0.125").ToFixed(2) == "0.12");
  CHECK(D("0.135").ToFixed(2) == "0.14");
  CHECK(D("0.1251").ToFixed(2) == "0.13");
  CHECK(D("-0.125").ToFixed(2) == "-0.12");
  CHECK(D("-0.005").ToFixed(2) == "0.00");
  CHECK(D("2.5").ToFixed(0) == "2");
  CHECK(D("3.5").ToFixed(0) == "4");
  CHECK(D("1.5").ToFixed(6) == "1.500000");
  // More digits than the scale holds are exact zeros, not a silent clamp.
  CHECK(D("1.5").ToFixed(8) == "1.50000000");
  CHECK(Decimal::FromRaw(kMinRaw).ToFixed(2) == "-9223372036854.78");
}

TEST_CASE("decimal integer helpers", "[decimal]") {
  CHECK(Decimal::FromInt(5)->raw() == 5'000'000);
  CHECK(Decimal::FromInt(9'223'372'036'854).has_value());
  CHECK_FALSE(Decimal::FromInt(9'223'372'036'855).has_value());
  CHECK_FALSE(Decimal::FromInt(kMinRaw).has_value());
  CHECK(D("2.5").IntegerPart() == 2);
  CHECK(D("-2.5").IntegerPart() == -2);
  CHECK(D("2.000001").Ceil() == 3);
  CHECK(D("-2.5").Ceil() == -2);
  CHECK(D("4").Ceil() == 4);
  CHECK(D("4").IsInteger());
  CHECK_FALSE(D("4.1").IsInteger());
}

TEST_CASE("decimal products round half to even at the sixth digit", "[decimal]") {
  CHECK(Show(Mul(D("2600"), D("0.02"))) == "52");
  CHECK(Show(Mul(D("1.5"), D("-2"))) == "-3");
  // 0.000001 * 0.5 = 0.0000005: a tie, rounded to the even neighbour 0.
  CHECK(Show(Mul(D("0.000001"), D("0.5"))) == "0");
  // 0.000003 * 0.5 = 0.0000015: a tie, rounded to the even neighbour 0.000002.
  CHECK(Show(Mul(D("0.000003"), D("0.5"))) == "0.000002");
  CHECK(Show(Mul(D("0.000005"), D("0.5"))) == "0.000002");
  CHECK(Show(Mul(D("-0.000001"), D("0.5"))) == "0");
  CHECK(Show(Mul(D("-0.000003"), D("0.5"))) == "-0.000002");
  // Not a tie: 0.0000005001 rounds up, 0.0000004999 rounds down.
  CHECK(Show(Mul(D("0.000001"), D("0.5001"))) == "0.000001");
  CHECK(Show(Mul(D("0.000001"), D("0.4999"))) == "0");
}

TEST_CASE("decimal products beyond 64 bits round as the small ones do", "[decimal]") {
  // Products that fit in 64 bits divide in 64 bits; these do not, and take
  // the 128-bit path: the same half-even rounding on both sides of zero.
  CHECK(Show(Mul(D("3000000.000001"), D("3000000.5"))) == "9000001500003");
  CHECK(Show(Mul(D("3000000.000003"), D("3000000.5"))) == "9000001500009.000002");
  CHECK(Show(Mul(D("-3000000.000001"), D("3000000.5"))) == "-9000001500003");
  CHECK(Show(Mul(D("-3000000.000003"), D("3000000.5"))) == "-9000001500009.000002");
  // At the edge of the range: the last product that fits, the first that does not.
  CHECK(Show(Mul(D("-9223372.036854"), D("1000000"))) == "-9223372036854");
  CHECK(Show(Mul(D("9223372.036855"), D("1000000"))) == "overflow");
}

TEST_CASE("decimal quotients round half to even at the sixth digit", "[decimal]") {
  CHECK(Show(Div(D("1"), D("3"))) == "0.333333");
  CHECK(Show(Div(D("2"), D("3"))) == "0.666667");
  CHECK(Show(Div(D("-2"), D("3"))) == "-0.666667");
  CHECK(Show(Div(D("2"), D("-3"))) == "-0.666667");
  CHECK(Show(Div(D("0.000001"), D("2"))) == "0");
  CHECK(Show(Div(D("0.000003"), D("2"))) == "0.000002");
  CHECK(Show(Div(D("-0.000003"), D("2"))) == "-0.000002");
  CHECK(Show(Div(D("0.000003"), D("-2"))) == "-0.000002");
  CHECK(Show(Div(D("52"), D("0.02"))) == "2600");
}

TEST_CASE("decimal arithmetic reports overflow and division by zero", "[decimal]") {
  const Decimal max = Decimal::FromRaw(kMaxRaw);
  const Decimal min = Decimal::FromRaw(kMinRaw);
  const Decimal tiny = Decimal::FromRaw(1);
  CHECK(Show(Add(max, tiny)) == "overflow");
  CHECK(Show(Add(max, Decimal())) == "9223372036854.775807");
  CHECK(Show(Sub(min, tiny)) == "overflow");
  CHECK(Show(Neg(min)) == "overflow");
  CHECK(Show(Neg(max)) == "-9223372036854.775807");
  CHECK(Show(Mul(max, D("2"))) == "overflow");
  CHECK(Show(Mul(max, max)) == "overflow");
  CHECK(Show(Mul(min, D("-1"))) == "overflow");
  CHECK(Show(Mul(max, D("1"))) == "9223372036854.775807");
  CHECK(Show(Div(D("1"), Decimal())) == "division by zero");
  CHECK(Show(Div(Decimal(), Decimal())) == "division by zero");
  CHECK(Show(Div(min, D("-1"))) == "overflow");
  CHECK(Show(Div(max, D("0.5"))) == "overflow");
  CHECK(Show(Div(max, D("-1"))) == "-9223372036854.775807");
}

TEST_CASE("integer arithmetic is checked, including int64 min / -1", "[decimal]") {
  CHECK(Show(AddInt(kMaxRaw, 1)) == "overflow");
  CHECK(Show(SubInt(kMinRaw, 1)) == "overflow");
  CHECK(Show(MulInt(kMinRaw, -1)) == "overflow");
  CHECK(Show(MulInt(4'294'967'296, 4'294'967'296)) == "overflow");
  CHECK(Show(DivInt(kMinRaw, -1)) == "overflow");
  CHECK(Show(DivInt(7, 0)) == "division by zero");
  CHECK(Show(DivInt(-7, 2)) == "-3");
  CHECK(Show(DivInt(7, -2)) == "-3");
  CHECK(Show(DivInt(kMinRaw, 1)) == std::to_string(kMinRaw));
  CHECK(Show(AddInt(2, 3)) == "5");
}

}  // namespace
}  // namespace concord::values
