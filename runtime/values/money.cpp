// Money arithmetic on top of Decimal. The currency check always comes first:
// `1 EUR + 9223372036854 USD` is a currency mismatch, not an overflow, because
// that is the mistake the author made.
#include "runtime/values/money.h"

namespace concord::values {
namespace {

MoneyError FromArith(ArithError error) {
  return error == ArithError::kDivisionByZero ? MoneyError::kDivisionByZero : MoneyError::kOverflow;
}

// Wraps a checked Decimal result back into money of `currency`.
MoneyResult<Money> InCurrency(const Checked<Decimal>& amount, const Currency& currency) {
  if (!amount.ok()) return MoneyResult<Money>::Fail(FromArith(amount.error));
  return MoneyResult<Money>::Ok(Money{*amount.value, currency});
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::optional<Currency> Currency::Parse(std::string_view code, std::string* error) {
  bool shaped = code.size() == 3;
  for (char c : code) shaped = shaped && c >= 'A' && c <= 'Z';
  if (!shaped) {
    if (error) *error = "a currency is three capital letters, such as `EUR`";
    return std::nullopt;
  }
  return Currency({code[0], code[1], code[2]});
}

std::string Money::ToString() const {
  std::string out = amount.ToString();
  out += ' ';
  out += currency.code();
  return out;
}

std::string Money::ToDisplay() const {
  std::string out = amount.ToFixed(2);
  out += ' ';
  out += currency.code();
  return out;
}

std::optional<Money> ParseMoney(std::string_view text, std::string* error) {
  size_t space = 0;
  while (space < text.size() && !IsSpace(text[space])) ++space;
  size_t code = space;
  while (code < text.size() && IsSpace(text[code])) ++code;
  if (space == text.size() || code == text.size()) {
    if (error) *error = "money is written as an amount and a currency, such as `12.50 EUR`";
    return std::nullopt;
  }
  std::optional<Decimal> amount = Decimal::Parse(text.substr(0, space), error);
  if (!amount) return std::nullopt;
  std::optional<Currency> currency = Currency::Parse(text.substr(code), error);
  if (!currency) return std::nullopt;
  return Money{*amount, *currency};
}

const char* Describe(MoneyError error) {
  switch (error) {
    case MoneyError::kCurrencyMismatch:
      return "the currencies differ";
    case MoneyError::kOverflow:
      return "the amount is out of range";
    case MoneyError::kDivisionByZero:
      return "division by zero";
  }
  return "?";
}

MoneyResult<Money> Money::Plus(const Money& other) const {
  if (currency != other.currency) return MoneyResult<Money>::Fail(MoneyError::kCurrencyMismatch);
  return InCurrency(Add(amount, other.amount), currency);
}

MoneyResult<Money> Money::Minus(const Money& other) const {
  if (currency != other.currency) return MoneyResult<Money>::Fail(MoneyError::kCurrencyMismatch);
  return InCurrency(Sub(amount, other.amount), currency);
}

MoneyResult<Money> Money::Negated() const {
  return InCurrency(Neg(amount), currency);
}

MoneyResult<Money> Money::Scaled(Decimal factor) const {
  return InCurrency(Mul(amount, factor), currency);
}

MoneyResult<Money> Money::DividedBy(Decimal divisor) const {
  return InCurrency(Div(amount, divisor), currency);
}

MoneyResult<Decimal> Money::RatioTo(const Money& divisor) const {
  if (currency != divisor.currency) {
    return MoneyResult<Decimal>::Fail(MoneyError::kCurrencyMismatch);
  }
  Checked<Decimal> ratio = Div(amount, divisor.amount);
  if (!ratio.ok()) return MoneyResult<Decimal>::Fail(FromArith(ratio.error));
  return MoneyResult<Decimal>::Ok(*ratio.value);
}

std::optional<std::strong_ordering> Money::CompareTo(const Money& other) const {
  if (currency != other.currency) return std::nullopt;
  return amount.raw() <=> other.amount.raw();
}

MoneyResult<Money> MinMoney(const Money& a, const Money& b) {
  std::optional<std::strong_ordering> order = a.CompareTo(b);
  if (!order) return MoneyResult<Money>::Fail(MoneyError::kCurrencyMismatch);
  return MoneyResult<Money>::Ok(*order == std::strong_ordering::greater ? b : a);
}

MoneyResult<Money> MaxMoney(const Money& a, const Money& b) {
  std::optional<std::strong_ordering> order = a.CompareTo(b);
  if (!order) return MoneyResult<Money>::Fail(MoneyError::kCurrencyMismatch);
  return MoneyResult<Money>::Ok(*order == std::strong_ordering::less ? b : a);
}

}  // namespace concord::values
