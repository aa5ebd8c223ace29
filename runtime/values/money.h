// Money: an exact decimal amount in one currency. Mixing currencies is a type
// error in the language, so every operation that combines two amounts refuses
// a mismatch explicitly (as a result, never a silent conversion or a guess),
// and ordering across currencies is "no answer" rather than false.
#pragma once

#include <array>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "runtime/values/decimal.h"

namespace concord::values {

// An ISO-4217-shaped code: exactly three ASCII capital letters. Only Parse
// makes one, so a Currency in hand is always valid; whether the code names a
// real currency is not the language's concern (community currencies exist).
class Currency {
 public:
  // Accepts `EUR`; rejects `eur`, `EU`, `EURO`, `E1R`. `error` (if given) says why.
  static std::optional<Currency> Parse(std::string_view code, std::string* error = nullptr);

  std::string_view code() const { return {code_.data(), code_.size()}; }

  friend bool operator==(const Currency&, const Currency&) = default;

 private:
  explicit Currency(std::array<char, 3> code) : code_(code) {}
  std::array<char, 3> code_;
};

// Why an operation on money produced no value.
enum class MoneyError { kCurrencyMismatch, kOverflow, kDivisionByZero };
const char* Describe(MoneyError error);

// A value or the reason there is none; like Checked, with currency mismatch
// as a third reason so callers can report E0205 rather than an overflow.
template <typename T>
struct MoneyResult {
  std::optional<T> value;
  MoneyError error = MoneyError::kOverflow;
  static MoneyResult Ok(T v) { return {std::move(v), MoneyError::kOverflow}; }
  static MoneyResult Fail(MoneyError e) { return {std::nullopt, e}; }
  bool ok() const { return value.has_value(); }
};

// The operations are members rather than free `Add`/`Sub`/`Scale`, so that
// `values::Add` and `values::Sub` stay single (Decimal) functions for callers
// that pass them around as function pointers.
struct Money {
  Decimal amount;
  Currency currency;

  MoneyResult<Money> Plus(const Money& other) const;
  MoneyResult<Money> Minus(const Money& other) const;
  MoneyResult<Money> Negated() const;
  // `2% of 2600 EUR` and `1.5 * x`: a percent is its fraction (0.02), so both
  // are one multiplication, rounded half to even at six fractional digits.
  MoneyResult<Money> Scaled(Decimal factor) const;
  // `x / 3`: an amount split into parts, rounded half to even.
  MoneyResult<Money> DividedBy(Decimal divisor) const;
  // `spent / budget`: the ratio of two amounts in the same currency.
  MoneyResult<Decimal> RatioTo(const Money& divisor) const;
  // No value when the currencies differ, because `5 EUR < 6 USD` has no
  // answer without an exchange rate.
  std::optional<std::strong_ordering> CompareTo(const Money& other) const;

  // The literal form, canonical: `52 EUR`, `12.5 USD`, `-3 EUR`.
  std::string ToString() const;
  // For reports: two decimals, rounded half to even (`52.00 EUR`).
  std::string ToDisplay() const;

  // Structural identity (same amount, same currency), for tests and
  // containers; the language's `==` goes through CompareTo.
  friend bool operator==(const Money&, const Money&) = default;
};

// Parses the literal form `12.50 USD` (amount, spaces, currency). `error` (if
// given) says why it failed.
std::optional<Money> ParseMoney(std::string_view text, std::string* error = nullptr);

// `min(a, b)` and `max(a, b)`; a currency mismatch when the currencies differ.
MoneyResult<Money> MinMoney(const Money& a, const Money& b);
MoneyResult<Money> MaxMoney(const Money& a, const Money& b);

}  // namespace concord::values
