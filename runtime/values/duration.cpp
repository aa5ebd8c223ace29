// The interval rule. Calendar months are measured by brute force over one
// 400-year Gregorian cycle (4,800 months, 146,097 days, after which the
// calendar repeats), so the bounds are the true shortest and longest spans,
// with end-of-month clamping, rather than 28n and 31n.
#include "runtime/values/duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "runtime/values/date.h"

namespace concord::values {
namespace {

// Lengths are computed in 128 bits: the largest possible part, int64 max
// months or lunar months, is about 3e22 centidays, far inside the range, so
// intervals of differences never overflow.
using Wide = __int128;

constexpr int64_t kCycleMonths = 4800;
constexpr int64_t kCycleDays = 146097;
constexpr int64_t kLunarMinCentidays = 2918;
constexpr int64_t kLunarMaxCentidays = 2993;

struct WideInterval {
  Wide min = 0;
  Wide max = 0;
};

// Shortest and longest span, in days, of `months` calendar months (0 <= months
// < 4800) over every start date of a 400-year cycle.
std::pair<int64_t, int64_t> MonthSpanDays(int64_t months) {
  static std::mutex mutex;
  static std::map<int64_t, std::pair<int64_t, int64_t>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(months);
  if (it != cache.end()) return it->second;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  const Date start = *Date::FromCivil(2000, 1, 1);
  for (int64_t i = 0; i < kCycleDays; ++i) {
    Date d = start.AddDays(i);
    int64_t span = d.AddMonths(months).days() - d.days();
    lo = std::min(lo, span);
    hi = std::max(hi, span);
  }
  if (cache.size() > 4096) cache.clear();
  return cache[months] = {lo, hi};
}

// Whole 400-year cycles add exactly 146,097 days whatever the start date, so
// only the remainder needs measuring.
WideInterval MonthsLength(Wide months) {
  bool negative = months < 0;
  Wide n = negative ? -months : months;
  auto [lo, hi] = MonthSpanDays(static_cast<int64_t>(n % kCycleMonths));
  Wide cycles = n / kCycleMonths;
  WideInterval r{(cycles * kCycleDays + lo) * 100, (cycles * kCycleDays + hi) * 100};
  if (negative) r = {-r.max, -r.min};
  return r;
}

// The possible lengths of `days + months + lunar_months`: the parts vary
// independently, so the bounds add.
WideInterval Length(Wide days, Wide months, Wide lunar_months) {
  WideInterval r = MonthsLength(months);
  r.min += days * 100;
  r.max += days * 100;
  if (lunar_months >= 0) {
    r.min += lunar_months * kLunarMinCentidays;
    r.max += lunar_months * kLunarMaxCentidays;
  } else {
    r.min += lunar_months * kLunarMaxCentidays;
    r.max += lunar_months * kLunarMinCentidays;
  }
  return r;
}

int64_t Saturate(Wide v) {
  if (v > INT64_MAX) return INT64_MAX;
  if (v < INT64_MIN) return INT64_MIN;
  return static_cast<int64_t>(v);
}

std::string Days(int64_t centidays) {
  if (centidays % 100 == 0) return fmt::format("{}", centidays / 100);
  bool negative = centidays < 0;
  // Unsigned, because the magnitude of int64 min does not fit in int64.
  uint64_t v = negative ? 0 - static_cast<uint64_t>(centidays) : centidays;
  return fmt::format("{}{}.{:02}", negative ? "-" : "", v / 100, v % 100);
}

std::string DescribeLength(const Duration& d) {
  LengthInterval len = PossibleLength(d);
  if (len.min_centidays == len.max_centidays) {
    return fmt::format("`{}` is {} days", d.ToString(), Days(len.min_centidays));
  }
  return fmt::format("`{}` lasts {} to {} days", d.ToString(), Days(len.min_centidays),
                     Days(len.max_centidays));
}

int64_t UnitFactor(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::kWeek:
      return 7;
    case DurationUnit::kYear:
      return 12;
    case DurationUnit::kDay:
    case DurationUnit::kMonth:
    case DurationUnit::kLunarMonth:
      return 1;
  }
  return 1;
}

// The part of a duration that counts in `unit`'s base unit.
int64_t& PartFor(Duration& d, DurationUnit unit) {
  switch (unit) {
    case DurationUnit::kDay:
    case DurationUnit::kWeek:
      return d.days;
    case DurationUnit::kMonth:
    case DurationUnit::kYear:
      return d.months;
    case DurationUnit::kLunarMonth:
      return d.lunar_months;
  }
  return d.days;
}

std::string Side(const Duration& d) {
  return fmt::format("`{}`", d.ToString());
}

// "is 30" for a fixed length, "can be 28" / "can be 31" for a variable one.
std::string Extent(const LengthInterval& len, bool longest) {
  if (len.min_centidays == len.max_centidays) return "is " + Days(len.min_centidays);
  return "can be " + Days(longest ? len.max_centidays : len.min_centidays);
}

}  // namespace

const char* Spelling(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "==";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

// `order == 0` is how <compare> spells the test; clang-tidy 14 mistakes the 0.
// NOLINTBEGIN(modernize-use-nullptr)
bool Holds(CompareOp op, std::strong_ordering order) {
  switch (op) {
    case CompareOp::kEq:
      return order == 0;
    case CompareOp::kNe:
      return order != 0;
    case CompareOp::kLt:
      return order < 0;
    case CompareOp::kLe:
      return order <= 0;
    case CompareOp::kGt:
      return order > 0;
    case CompareOp::kGe:
      return order >= 0;
  }
  return false;
}
// NOLINTEND(modernize-use-nullptr)

const char* UnitName(DurationUnit unit, bool plural) {
  switch (unit) {
    case DurationUnit::kDay:
      return plural ? "days" : "day";
    case DurationUnit::kWeek:
      return plural ? "weeks" : "week";
    case DurationUnit::kMonth:
      return plural ? "months" : "month";
    case DurationUnit::kYear:
      return plural ? "years" : "year";
    case DurationUnit::kLunarMonth:
      return plural ? "lunar months" : "lunar month";
  }
  return "?";
}

Duration Duration::Of(int64_t count, DurationUnit unit) {
  Duration d;
  PartFor(d, unit) = Saturate(static_cast<Wide>(count) * UnitFactor(unit));
  return d;
}

Checked<Duration> Duration::CheckedOf(int64_t count, DurationUnit unit) {
  Duration d;
  if (__builtin_mul_overflow(count, UnitFactor(unit), &PartFor(d, unit))) {
    return Checked<Duration>::Fail(ArithError::kOverflow);
  }
  return Checked<Duration>::Ok(d);
}

std::string Duration::ToString() const {
  std::string out;
  auto part = [&](int64_t n, DurationUnit unit) {
    if (!out.empty()) {
      out += n < 0 ? " - " : " + ";
    } else if (n < 0) {
      out += "-";
    }
    uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : n;
    out += fmt::format("{} {}", magnitude, UnitName(unit, magnitude != 1));
  };
  if (months != 0) {
    if (months % 12 == 0) {
      part(months / 12, DurationUnit::kYear);
    } else {
      part(months, DurationUnit::kMonth);
    }
  }
  if (lunar_months != 0) part(lunar_months, DurationUnit::kLunarMonth);
  if (days != 0) {
    if (days % 7 == 0 && months == 0 && lunar_months == 0) {
      part(days / 7, DurationUnit::kWeek);
    } else {
      part(days, DurationUnit::kDay);
    }
  }
  if (out.empty()) out = "0 days";
  return out;
}

Checked<Duration> Duration::Plus(const Duration& other) const {
  Duration r;
  if (__builtin_add_overflow(days, other.days, &r.days) ||
      __builtin_add_overflow(months, other.months, &r.months) ||
      __builtin_add_overflow(lunar_months, other.lunar_months, &r.lunar_months)) {
    return Checked<Duration>::Fail(ArithError::kOverflow);
  }
  return Checked<Duration>::Ok(r);
}

Checked<Duration> Duration::Minus(const Duration& other) const {
  Duration r;
  if (__builtin_sub_overflow(days, other.days, &r.days) ||
      __builtin_sub_overflow(months, other.months, &r.months) ||
      __builtin_sub_overflow(lunar_months, other.lunar_months, &r.lunar_months)) {
    return Checked<Duration>::Fail(ArithError::kOverflow);
  }
  return Checked<Duration>::Ok(r);
}

Checked<Duration> Duration::Times(int64_t factor) const {
  Duration r;
  if (__builtin_mul_overflow(days, factor, &r.days) ||
      __builtin_mul_overflow(months, factor, &r.months) ||
      __builtin_mul_overflow(lunar_months, factor, &r.lunar_months)) {
    return Checked<Duration>::Fail(ArithError::kOverflow);
  }
  return Checked<Duration>::Ok(r);
}

LengthInterval PossibleLength(const Duration& d) {
  WideInterval r = Length(d.days, d.months, d.lunar_months);
  return {Saturate(r.min), Saturate(r.max)};
}

Decision CompareDurations(const Duration& a, CompareOp op, const Duration& b) {
  // Decide by the sign of a - b over all its possible lengths. Equality is
  // decided by the length, not the parts: `400 years` is always exactly
  // 146,097 days, although the parts differ.
  WideInterval len =
      Length(static_cast<Wide>(a.days) - b.days, static_cast<Wide>(a.months) - b.months,
             static_cast<Wide>(a.lunar_months) - b.lunar_months);
  bool always_zero = len.min == 0 && len.max == 0;
  bool always_pos = len.min > 0;
  bool always_neg = len.max < 0;
  bool never_pos = len.max <= 0;
  bool never_neg = len.min >= 0;
  auto decide = [](bool yes, bool no) {
    return yes ? Decision::kTrue : (no ? Decision::kFalse : Decision::kUndecided);
  };
  switch (op) {
    case CompareOp::kEq:
      return decide(always_zero, always_pos || always_neg);
    case CompareOp::kNe:
      return decide(always_pos || always_neg, always_zero);
    case CompareOp::kLt:
      return decide(always_neg, never_neg);
    case CompareOp::kLe:
      return decide(never_pos, always_pos);
    case CompareOp::kGt:
      return decide(always_pos, never_pos);
    case CompareOp::kGe:
      return decide(never_neg, always_neg);
  }
  return Decision::kUndecided;
}

std::string ExplainUndecided(const Duration& a, CompareOp op, const Duration& b) {
  LengthInterval la = PossibleLength(a);
  LengthInterval lb = PossibleLength(b);
  switch (op) {
    case CompareOp::kLt:
    case CompareOp::kLe:
      // The comparison fails when `a` is at its longest and `b` at its shortest.
      return fmt::format("{} can be {} days long, but {} {} days", Side(a), Days(la.max_centidays),
                         Side(b), Extent(lb, /*longest=*/false));
    case CompareOp::kGt:
    case CompareOp::kGe:
      return fmt::format("{} can be only {} days long, but {} {} days", Side(a),
                         Days(la.min_centidays), Side(b), Extent(lb, /*longest=*/true));
    case CompareOp::kEq:
    case CompareOp::kNe:
      break;
  }
  return fmt::format("{} and {}, so whether they are equal depends on the dates", DescribeLength(a),
                     DescribeLength(b));
}

}  // namespace concord::values
