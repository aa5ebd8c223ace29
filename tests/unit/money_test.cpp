// Tests of runtime/values/money: currency codes, the literal and display
// forms, arithmetic that refuses mixed currencies before it checks overflow,
// percent scaling, and ordering that has no answer across currencies.
#include "runtime/values/money.h"

#include <catch2/catch.hpp>
#include <limits>

namespace concord::values {
namespace {

Money M(std::string_view text) {
  std::optional<Money> m = ParseMoney(text);
  INFO("parsing " << text);
  REQUIRE(m.has_value());
  return *m;
}

Decimal D(std::string_view text) {
  return *Decimal::Parse(text);
}

// The literal form of a result, or the failure's description.
std::string Show(const MoneyResult<Money>& r) {
  return r.ok() ? r.value->ToString() : Describe(r.error);
}
std::string Show(const MoneyResult<Decimal>& r) {
  return r.ok() ? r.value->ToString() : Describe(r.error);
}

TEST_CASE("a currency is exactly three capital ASCII letters", "[money]") {
  CHECK(Currency::Parse("EUR")->code() == "EUR");
  CHECK(Currency::Parse("XAU").has_value());
  std::string error;
  CHECK_FALSE(Currency::Parse("eur", &error).has_value());
  CHECK(error == "a currency is three capital letters, such as `EUR`");
  CHECK_FALSE(Currency::Parse("EU").has_value());
  CHECK_FALSE(Currency::Parse("EURO").has_value());
  CHECK_FALSE(Currency::Parse("E1R").has_value());
  CHECK_FALSE(Currency::Parse("").has_value());
  CHECK_FALSE(Currency::Parse("ÉUR").has_value());
  CHECK_FALSE(Currency::Parse(std::string_view("EU\0", 3)).has_value());
  CHECK(*Currency::Parse("EUR") == *Currency::Parse("EUR"));
  CHECK(*Currency::Parse("EUR") != *Currency::Parse("USD"));
}

TEST_CASE("money prints in the literal form and for reports", "[money]") {
  CHECK(M("52 EUR").ToString() == "52 EUR");
  CHECK(M("12.50 USD").ToString() == "12.5 USD");
  CHECK(M("-3.000 EUR").ToString() == "-3 EUR");
  CHECK(M("0.000001 EUR").ToString() == "0.000001 EUR");
  CHECK(M("52 EUR").ToDisplay() == "52.00 EUR");
  CHECK(M("12.5 USD").ToDisplay() == "12.50 USD");
  CHECK(M("0.125 EUR").ToDisplay() == "0.12 EUR");  // half to even
  CHECK(M("0.135 EUR").ToDisplay() == "0.14 EUR");
  CHECK(M("-7.005 EUR").ToDisplay() == "-7.00 EUR");
  // The literal form parses back to the same value.
  for (const char* text : {"52 EUR", "12.5 USD", "-0.000001 CHF", "9223372036854.775807 EUR"}) {
    CHECK(M(M(text).ToString()) == M(text));
  }
}

TEST_CASE("money literals that do not parse say why", "[money]") {
  std::string error;
  CHECK_FALSE(ParseMoney("52", &error).has_value());
  CHECK(error == "money is written as an amount and a currency, such as `12.50 EUR`");
  CHECK_FALSE(ParseMoney("52 ", &error).has_value());
  CHECK(error == "money is written as an amount and a currency, such as `12.50 EUR`");
  CHECK_FALSE(ParseMoney("52 eur", &error).has_value());
  CHECK(error == "a currency is three capital letters, such as `EUR`");
  CHECK_FALSE(ParseMoney("5.1234567 EUR", &error).has_value());
  CHECK(error == "more than 6 fractional digits");
  CHECK_FALSE(ParseMoney("EUR 52", &error).has_value());
  CHECK(error == "expected a digit");
  CHECK(M("52   EUR") == M("52 EUR"));
}

TEST_CASE("adding and subtracting money needs one currency", "[money]") {
  CHECK(Show(M("50 EUR").Plus(M("2.5 EUR"))) == "52.5 EUR");
  CHECK(Show(M("50 EUR").Minus(M("52.5 EUR"))) == "-2.5 EUR");
  CHECK(Show(M("50 EUR").Plus(M("2 USD"))) == "the currencies differ");
  CHECK(Show(M("50 EUR").Minus(M("2 USD"))) == "the currencies differ");
  CHECK(M("50 EUR").Plus(M("2 USD")).error == MoneyError::kCurrencyMismatch);
  CHECK(Show(M("5 EUR").Negated()) == "-5 EUR");
}

TEST_CASE("a currency mismatch is reported before an overflow", "[money]") {
  const Money max = M("9223372036854.775807 EUR");
  CHECK(max.Plus(M("1 EUR")).error == MoneyError::kOverflow);
  CHECK_FALSE(max.Plus(M("1 EUR")).ok());
  CHECK(max.Plus(M("1 USD")).error == MoneyError::kCurrencyMismatch);
  CHECK(M("-9223372036854.775808 EUR").Minus(M("1 EUR")).error == MoneyError::kOverflow);
  CHECK(M("-9223372036854.775808 EUR").Negated().error == MoneyError::kOverflow);
}

TEST_CASE("percent and decimal scaling round half to even", "[money]") {
  // `2% of 2600 EUR`: a percent is its fraction.
  CHECK(Show(M("2600 EUR").Scaled(D("0.02"))) == "52 EUR");
  CHECK(Show(M("2600 EUR").Scaled(D("0.05"))) == "130 EUR");
  CHECK(Show(M("12.5 USD").Scaled(D("1.5"))) == "18.75 USD");
  CHECK(Show(M("100 EUR").Scaled(D("-0.25"))) == "-25 EUR");
  // 0.000001 EUR * 50% = 0.0000005 EUR: a tie, to the even neighbour 0.
  CHECK(Show(M("0.000001 EUR").Scaled(D("0.5"))) == "0 EUR");
  CHECK(Show(M("0.000003 EUR").Scaled(D("0.5"))) == "0.000002 EUR");
  CHECK(Show(M("9223372036854 EUR").Scaled(D("2"))) == "the amount is out of range");
}

TEST_CASE("dividing money by a number or by money", "[money]") {
  CHECK(Show(M("100 EUR").DividedBy(D("3"))) == "33.333333 EUR");
  CHECK(Show(M("100 EUR").DividedBy(D("0"))) == "division by zero");
  CHECK(Show(M("52 EUR").RatioTo(M("2600 EUR"))) == "0.02");
  CHECK(Show(M("1 EUR").RatioTo(M("3 EUR"))) == "0.333333");
  CHECK(Show(M("52 EUR").RatioTo(M("0 EUR"))) == "division by zero");
  CHECK(Show(M("52 EUR").RatioTo(M("0 USD"))) == "the currencies differ");
  CHECK(Show(M("9223372036854 EUR").RatioTo(M("0.000001 EUR"))) == "the amount is out of range");
}

TEST_CASE("comparisons across currencies have no answer", "[money]") {
  CHECK(M("5 EUR").CompareTo(M("6 EUR")) == std::strong_ordering::less);
  CHECK(M("6 EUR").CompareTo(M("6.000 EUR")) == std::strong_ordering::equal);
  CHECK(M("-1 EUR").CompareTo(M("-2 EUR")) == std::strong_ordering::greater);
  CHECK_FALSE(M("5 EUR").CompareTo(M("6 USD")).has_value());
  CHECK_FALSE(M("5 EUR").CompareTo(M("5 USD")).has_value());
  // Structural identity is not the language's `==`: 5 EUR and 5 USD differ.
  CHECK_FALSE(M("5 EUR") == M("5 USD"));
}

TEST_CASE("min and max of money, as in a capped contribution", "[money]") {
  // `min(5% of 2600 EUR, 50 EUR)` = min(130 EUR, 50 EUR) = 50 EUR.
  MoneyResult<Money> rate = M("2600 EUR").Scaled(D("0.05"));
  REQUIRE(rate.ok());
  CHECK(Show(MinMoney(*rate.value, M("50 EUR"))) == "50 EUR");
  CHECK(Show(MaxMoney(*rate.value, M("50 EUR"))) == "130 EUR");
  // Below the cap the rate wins: `min(2% of 2000 EUR, 50 EUR)` = 40 EUR.
  CHECK(Show(MinMoney(*M("2000 EUR").Scaled(D("0.02")).value, M("50 EUR"))) == "40 EUR");
  CHECK(Show(MinMoney(M("50 EUR"), M("50 USD"))) == "the currencies differ");
  CHECK(Show(MaxMoney(M("50 EUR"), M("50 USD"))) == "the currencies differ");
}

}  // namespace
}  // namespace concord::values
