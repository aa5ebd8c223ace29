// Checked fixed-point arithmetic. Products and quotients are computed in
// 128 bits and rounded half to even, the rounding accountants expect and the
// one that does not drift when many small amounts are summed.
#include "runtime/values/decimal.h"

#include <limits>

namespace concord::values {
namespace {

using Wide = __int128;

constexpr Wide kMax = std::numeric_limits<int64_t>::max();
constexpr Wide kMin = std::numeric_limits<int64_t>::min();

bool FitsInt64(Wide v) {
  return v >= kMin && v <= kMax;
}

// Divides rounding half to even; `divisor` is non-zero. A template so that
// products that fit in 64 bits (`4% of income`, nearly every one) divide in
// one machine instruction instead of a call to the 128-bit division
// routines; both widths give the same quotient whenever the operands fit.
template <typename Int>
Int DivRoundHalfEven(Int numerator, Int divisor) {
  if (divisor < 0) {
    numerator = -numerator;
    divisor = -divisor;
  }
  Int quotient = numerator / divisor;
  Int remainder = numerator % divisor;
  if (remainder == 0) return quotient;
  Int twice = remainder < 0 ? -2 * remainder : 2 * remainder;
  bool away = twice > divisor || (twice == divisor && (quotient % 2 != 0));
  if (away) quotient += numerator < 0 ? -1 : 1;
  return quotient;
}

}  // namespace

std::optional<Decimal> Decimal::FromInt(int64_t value) {
  Wide scaled = static_cast<Wide>(value) * kScale;
  if (!FitsInt64(scaled)) return std::nullopt;
  return Decimal(static_cast<int64_t>(scaled));
}

std::optional<Decimal> Decimal::Parse(std::string_view text, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<Decimal> {
    if (error) *error = why;
    return std::nullopt;
  };
  bool negative = false;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  Wide whole = 0;
  size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > kMax) return fail("the number is too large");
  }
  if (digits == 0) return fail("expected a digit");
  Wide fraction = 0;
  int fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    size_t start = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (fraction_digits == kScaleDigits) {
        if (text[i] != '0') return fail("more than 6 fractional digits");
        continue;  // trailing zeros past the scale are exact
      }
      fraction = fraction * 10 + (text[i] - '0');
      ++fraction_digits;
    }
    if (i == start) return fail("expected a digit after the decimal point");
  }
  if (i != text.size()) return fail("unexpected character in number");
  for (int d = fraction_digits; d < kScaleDigits; ++d) fraction *= 10;
  Wide raw = whole * kScale + fraction;
  if (negative) raw = -raw;
  if (!FitsInt64(raw)) return fail("the number is too large");
  return Decimal(static_cast<int64_t>(raw));
}

int64_t Decimal::Ceil() const {
  int64_t q = raw_ / kScale;
  if (raw_ % kScale > 0) ++q;
  return q;
}

std::string Decimal::ToString() const {
  Wide v = raw_;
  bool negative = v < 0;
  if (negative) v = -v;
  std::string whole = std::to_string(static_cast<unsigned long long>(v / kScale));
  std::string frac = std::to_string(static_cast<unsigned long long>(v % kScale));
  frac.insert(0, kScaleDigits - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = negative ? "-" : "";
  out += whole;
  if (!frac.empty()) out += "." + frac;
  return out;
}

std::string Decimal::ToFixed(int digits) const {
  if (digits < 0) digits = 0;
  if (digits > kScaleDigits) {
    // Digits past the scale are exact zeros; asking for them must not
    // silently return fewer digits than requested.
    std::string out = ToFixed(kScaleDigits);
    out.append(digits - kScaleDigits, '0');
    return out;
  }
  Wide divisor = 1;
  for (int d = digits; d < kScaleDigits; ++d) divisor *= 10;
  Wide rounded = DivRoundHalfEven<Wide>(raw_, divisor);
  bool negative = rounded < 0;
  if (negative) rounded = -rounded;
  Wide unit = 1;
  for (int d = 0; d < digits; ++d) unit *= 10;
  std::string out = negative ? "-" : "";
  out += std::to_string(static_cast<unsigned long long>(rounded / unit));
  if (digits > 0) {
    std::string frac = std::to_string(static_cast<unsigned long long>(rounded % unit));
    frac.insert(0, digits - frac.size(), '0');
    out += "." + frac;
  }
  return out;
}

Checked<Decimal> Add(Decimal a, Decimal b) {
  Wide r = static_cast<Wide>(a.raw()) + b.raw();
  if (!FitsInt64(r)) return Checked<Decimal>::Fail(ArithError::kOverflow);
  return Checked<Decimal>::Ok(Decimal::FromRaw(static_cast<int64_t>(r)));
}

Checked<Decimal> Sub(Decimal a, Decimal b) {
  Wide r = static_cast<Wide>(a.raw()) - b.raw();
  if (!FitsInt64(r)) return Checked<Decimal>::Fail(ArithError::kOverflow);
  return Checked<Decimal>::Ok(Decimal::FromRaw(static_cast<int64_t>(r)));
}

Checked<Decimal> Neg(Decimal a) {
  return Sub(Decimal(), a);
}

Checked<Decimal> Mul(Decimal a, Decimal b) {
  // The divisor (kScale) is positive, so the 64-bit path needs only the
  // product to fit; its quotient then fits too.
  int64_t narrow = 0;
  if (!__builtin_mul_overflow(a.raw(), b.raw(), &narrow)) {
    return Checked<Decimal>::Ok(
        Decimal::FromRaw(DivRoundHalfEven<int64_t>(narrow, Decimal::kScale)));
  }
  Wide r = DivRoundHalfEven<Wide>(static_cast<Wide>(a.raw()) * b.raw(), Decimal::kScale);
  if (!FitsInt64(r)) return Checked<Decimal>::Fail(ArithError::kOverflow);
  return Checked<Decimal>::Ok(Decimal::FromRaw(static_cast<int64_t>(r)));
}

Checked<Decimal> Div(Decimal a, Decimal b) {
  if (b.raw() == 0) return Checked<Decimal>::Fail(ArithError::kDivisionByZero);
  Wide r = DivRoundHalfEven<Wide>(static_cast<Wide>(a.raw()) * Decimal::kScale, b.raw());
  if (!FitsInt64(r)) return Checked<Decimal>::Fail(ArithError::kOverflow);
  return Checked<Decimal>::Ok(Decimal::FromRaw(static_cast<int64_t>(r)));
}

Checked<int64_t> AddInt(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return Checked<int64_t>::Fail(ArithError::kOverflow);
  return Checked<int64_t>::Ok(r);
}

Checked<int64_t> SubInt(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return Checked<int64_t>::Fail(ArithError::kOverflow);
  return Checked<int64_t>::Ok(r);
}

Checked<int64_t> MulInt(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return Checked<int64_t>::Fail(ArithError::kOverflow);
  return Checked<int64_t>::Ok(r);
}

Checked<int64_t> DivInt(int64_t a, int64_t b) {
  if (b == 0) return Checked<int64_t>::Fail(ArithError::kDivisionByZero);
  if (a == std::numeric_limits<int64_t>::min() && b == -1) {
    return Checked<int64_t>::Fail(ArithError::kOverflow);
  }
  return Checked<int64_t>::Ok(a / b);
}

}  // namespace concord::values
