// Exact fixed-point decimals: the numbers behind `decimal`, `percent` and
// `money`. Six fractional digits, stored as a scaled 64-bit integer; every
// operation reports overflow and division by zero instead of wrapping, so both
// the compiler's constant folding and the runtime stay exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord::values {

class Decimal {
 public:
  static constexpr int kScaleDigits = 6;
  static constexpr int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal FromRaw(int64_t raw) { return Decimal(raw); }
  // Fails when the integer does not fit once scaled.
  static std::optional<Decimal> FromInt(int64_t value);
  // Parses `12`, `12.5`, `-0.000001`. Fails on more than six fractional
  // digits or on a value out of range; `error` (if given) says which.
  static std::optional<Decimal> Parse(std::string_view text, std::string* error = nullptr);

  constexpr int64_t raw() const { return raw_; }
  bool IsInteger() const { return raw_ % kScale == 0; }
  // Truncates toward zero.
  int64_t IntegerPart() const { return raw_ / kScale; }
  // Smallest integer not below this value (used for "rounded up" quotas).
  int64_t Ceil() const;

  // Canonical text: no trailing fractional zeros, at least one digit (`2.5`, `-3`).
  std::string ToString() const;
  // Exactly `digits` fractional digits, rounding half to even (`52.00`).
  std::string ToFixed(int digits) const;

  friend constexpr bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
  friend constexpr bool operator!=(Decimal a, Decimal b) { return a.raw_ != b.raw_; }
  friend constexpr bool operator<(Decimal a, Decimal b) { return a.raw_ < b.raw_; }
  friend constexpr bool operator<=(Decimal a, Decimal b) { return a.raw_ <= b.raw_; }
  friend constexpr bool operator>(Decimal a, Decimal b) { return a.raw_ > b.raw_; }
  friend constexpr bool operator>=(Decimal a, Decimal b) { return a.raw_ >= b.raw_; }

 private:
  constexpr explicit Decimal(int64_t raw) : raw_(raw) {}
  int64_t raw_ = 0;
};

// Why an arithmetic operation produced no value.
enum class ArithError { kOverflow, kDivisionByZero };

// The result of checked arithmetic: a value or the reason there is none.
template <typename T>
struct Checked {
  std::optional<T> value;
  ArithError error = ArithError::kOverflow;
  static Checked Ok(T v) { return {v, ArithError::kOverflow}; }
  static Checked Fail(ArithError e) { return {std::nullopt, e}; }
  bool ok() const { return value.has_value(); }
};

Checked<Decimal> Add(Decimal a, Decimal b);
Checked<Decimal> Sub(Decimal a, Decimal b);
Checked<Decimal> Neg(Decimal a);
// Products and quotients keep six fractional digits, rounding half to even.
Checked<Decimal> Mul(Decimal a, Decimal b);
Checked<Decimal> Div(Decimal a, Decimal b);

Checked<int64_t> AddInt(int64_t a, int64_t b);
Checked<int64_t> SubInt(int64_t a, int64_t b);
Checked<int64_t> MulInt(int64_t a, int64_t b);
// Integer division truncates toward zero, as in C and Rust.
Checked<int64_t> DivInt(int64_t a, int64_t b);

}  // namespace concord::values
