// Civil-date conversions after Howard Hinnant's public-domain algorithms
// ("chrono-compatible low-level date algorithms"): exact for every year of the
// proleptic Gregorian calendar, no tables, no floating point.
#include "runtime/values/date.h"

#include <fmt/format.h>

#include <algorithm>

namespace concord::values {
namespace {

constexpr int64_t kMinYear = 0;
constexpr int64_t kMaxYear = 9999;

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Whether a day count lies in 0000-01-01..9999-12-31, the range checked
// arithmetic keeps to.
bool InLiteralRange(int64_t days) {
  static const int64_t kFirst = DaysFromCivil(kMinYear, 1, 1);
  static const int64_t kLast = DaysFromCivil(kMaxYear, 12, 31);
  return days >= kFirst && days <= kLast;
}

}  // namespace

bool IsLeapYear(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::FromCivil(int64_t year, int month, int day) {
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::Parse(std::string_view text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<Date> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return fail("a date is written YYYY-MM-DD");
  }
  auto number = [&](size_t from, size_t len, int64_t* out) {
    int64_t v = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  int64_t y = 0, m = 0, d = 0;
  if (!number(0, 4, &y) || !number(5, 2, &m) || !number(8, 2, &d)) {
    return fail("a date is written YYYY-MM-DD");
  }
  if (m < 1 || m > 12) return fail(fmt::format("there is no month {}", m));
  int max_day = DaysInMonth(y, static_cast<int>(m));
  if (d < 1 || d > max_day) {
    static constexpr const char* kNames[] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
    return fail(fmt::format("{} {} has {} days", kNames[m - 1], y, max_day));
  }
  return Date(DaysFromCivil(y, static_cast<int>(m), static_cast<int>(d)));
}

CivilDate Date::Civil() const {
  const int64_t z = days_ + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2);
  return c;
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (days_ + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w);
}

std::string Date::ToString() const {
  CivilDate c = Civil();
  if (c.year >= 0 && c.year <= 9999) {
    return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  }
  return fmt::format("{}-{:02}-{:02}", c.year, c.month, c.day);
}

Date Date::AddMonths(int64_t months) const {
  CivilDate c = Civil();
  int64_t index = c.year * 12 + (c.month - 1) + months;
  int64_t year = FloorDiv(index, 12);
  int month = static_cast<int>(index - year * 12) + 1;
  int day = std::min(c.day, DaysInMonth(year, month));
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::CheckedAddMonths(int64_t months) const {
  // Rejecting counts larger than the whole range first keeps the month index
  // below int64 overflow, whatever the caller passes.
  constexpr int64_t kSpan = (kMaxYear - kMinYear + 1) * 12;
  if (!InLiteralRange(days_) || months > kSpan || months < -kSpan) return std::nullopt;
  CivilDate c = Civil();
  int64_t index = c.year * 12 + (c.month - 1) + months;
  if (index < kMinYear * 12 || index > kMaxYear * 12 + 11) return std::nullopt;
  return AddMonths(months);
}

std::optional<Date> Date::CheckedAddDays(int64_t days) const {
  int64_t result = 0;
  if (__builtin_add_overflow(days_, days, &result)) return std::nullopt;
  if (!InLiteralRange(days_) || !InLiteralRange(result)) return std::nullopt;
  return Date(result);
}

}  // namespace concord::values
